"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Card, CardBody } from "@/components/ui/card";
import { BulkDecision } from "./bulk-decision";
import { ReviewItem } from "./review-item";
import type { ReviewCard } from "./review-evidence";

/** Keys only act when no field, menu or dialog has them: typing "a" in a search box approves nothing. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit"].includes(target.type)
  );
}

/**
 * The flagged referrals with their evidence; decide one by one (by click or from the keyboard: j/k or the
 * arrows move, a approves, r asks to reject), or tick several and confirm.
 */
export function ReviewQueue({ cards }: { cards: ReviewCard[] }) {
  const [ticked, setTicked] = useState<number[]>([]);
  const [activeId, setActiveId] = useState<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // Decided rows leave the list when the page refreshes; they leave the selection with it, and the
  // keyboard's place moves to the card that took the decided one's place.
  const selected = ticked.filter((id) => cards.some((c) => c.id === id));
  const [lastIndex, setLastIndex] = useState(0);
  let index = cards.findIndex((c) => c.id === activeId);
  if (index < 0) index = activeId === null ? -1 : Math.min(lastIndex, cards.length - 1);
  const active = index >= 0 ? cards[index] : null;
  const toggle = (id: number, on: boolean) =>
    setTicked((prev) => (on ? [...prev.filter((x) => x !== id), id] : prev.filter((x) => x !== id)));
  const all = selected.length === cards.length;

  const focusCard = useCallback(
    (i: number) => {
      const card = cards[Math.max(0, Math.min(cards.length - 1, i))];
      if (!card) return;
      setActiveId(card.id);
      setLastIndex(cards.indexOf(card));
      const el = listRef.current?.querySelector<HTMLElement>(`[data-review-id="${card.id}"]`);
      el?.focus({ preventScroll: true });
      el?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    },
    [cards],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      if (document.querySelector("dialog[open]")) return;
      const key = e.key;
      if (key === "j" || key === "ArrowDown") {
        e.preventDefault();
        focusCard(index + 1);
      } else if (key === "k" || key === "ArrowUp") {
        e.preventDefault();
        focusCard(index <= 0 ? 0 : index - 1);
      } else if ((key === "a" || key === "r") && active) {
        e.preventDefault();
        const decision = key === "a" ? "approve" : "reject";
        listRef.current
          ?.querySelector<HTMLButtonElement>(`[data-review-id="${active.id}"] [data-decision="${decision}"]`)
          ?.click();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [active, focusCard, index]);

  return (
    <div className="flex flex-col gap-6">
      <Card role="region" aria-label="Bulk decision" className="sticky top-20 z-10">
        <CardBody className="flex flex-col gap-3">
          <BulkDecision ids={selected}>
            <label className="flex items-center gap-2 text-sm font-medium text-ink-900">
              <input
                type="checkbox"
                checked={all}
                onChange={(e) => setTicked(e.target.checked ? cards.map((c) => c.id) : [])}
                className="size-4 accent-brand-600"
              />
              Select all
            </label>
            <span className="text-sm text-ink-500" aria-live="polite">
              {selected.length} selected
            </span>
          </BulkDecision>
          <p className="hidden text-xs text-ink-500 sm:block" id="review-shortcuts">
            Keyboard: <Kbd>j</Kbd> or <Kbd>↓</Kbd> next · <Kbd>k</Kbd> or <Kbd>↑</Kbd> previous · <Kbd>a</Kbd>{" "}
            approve · <Kbd>r</Kbd> reject (asks first)
          </p>
        </CardBody>
      </Card>
      <ul ref={listRef} className="flex flex-col gap-6" aria-label="Flagged referrals">
        {cards.map((card) => (
          <li key={card.id}>
            <ReviewItem
              card={card}
              active={card.id === active?.id}
              onActivate={() => {
                setActiveId(card.id);
                setLastIndex(cards.indexOf(card));
              }}
              checked={selected.includes(card.id)}
              onCheck={(on) => toggle(card.id, on)}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

function Kbd({ children }: { children: string }) {
  return (
    <kbd className="rounded border border-ink-300 bg-ink-50 px-1 font-mono text-[11px] text-ink-700">
      {children}
    </kbd>
  );
}
