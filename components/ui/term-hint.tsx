"use client";

import { useCallback, useEffect, useId, useRef, useState, type CSSProperties } from "react";
import { cn } from "./cn";

const WIDTH = 256;
const MARGIN = 8;

/**
 * A term's short explanation a hover, a focus or a tap away: a small "?" button described by a tooltip
 * (`aria-describedby`, so a screen reader reads the explanation with the button). Mouse: hover shows it.
 * Keyboard: focus shows it, Escape hides it. Touch: a tap shows it, another tap or a tap elsewhere hides
 * it. The tooltip is placed in the viewport (fixed, clamped to the screen's edges) so it never makes a
 * phone page scroll sideways.
 */
export function TermHint({
  term,
  explanation,
  className,
}: {
  term: string;
  explanation: string;
  className?: string;
}) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [place, setPlace] = useState<CSSProperties>({});
  const open = (hovered || focused || pinned) && !dismissed;

  const measure = useCallback(() => {
    const rect = button.current?.getBoundingClientRect();
    if (!rect) return;
    const width = Math.min(WIDTH, window.innerWidth - 2 * MARGIN);
    const left = Math.min(
      Math.max(MARGIN, rect.left + rect.width / 2 - width / 2),
      window.innerWidth - width - MARGIN,
    );
    setPlace({ top: rect.bottom + 6, left, width });
  }, []);

  useEffect(() => {
    if (!open) return;
    measure();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setDismissed(true);
    };
    window.addEventListener("scroll", measure, true);
    window.addEventListener("resize", measure);
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("scroll", measure, true);
      window.removeEventListener("resize", measure);
      window.removeEventListener("keydown", onKey);
    };
  }, [open, measure]);

  return (
    <span
      className={cn("inline-flex align-middle leading-none", className)}
      onMouseEnter={() => {
        setHovered(true);
        setDismissed(false);
      }}
      onMouseLeave={() => setHovered(false)}
    >
      <button
        ref={button}
        type="button"
        aria-label={`What “${term}” means`}
        aria-describedby={id}
        aria-expanded={open}
        onFocus={() => {
          setFocused(true);
          setDismissed(false);
        }}
        onBlur={() => {
          setFocused(false);
          setPinned(false);
        }}
        onClick={() => {
          if (pinned && !dismissed) {
            setPinned(false);
            setDismissed(true);
          } else {
            setPinned(true);
            setDismissed(false);
          }
        }}
        className="-my-1 inline-flex size-6 items-center justify-center rounded-full text-ink-400 hover:text-brand-700 focus-visible:text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-4">
          <path
            fillRule="evenodd"
            d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0ZM8.94 6.94a1.5 1.5 0 1 1 2.12 2.12c-.3.3-.6.5-.85.7-.48.37-.96.77-.96 1.74a.75.75 0 0 0 1.5 0c0-.2.07-.27.38-.51.26-.2.62-.48.99-.86a3 3 0 1 0-5.07-2.17.75.75 0 0 0 1.5.11c.02-.4.18-.8.39-1.13ZM10 15a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
            clipRule="evenodd"
          />
        </svg>
      </button>
      <span
        id={id}
        role="tooltip"
        hidden={!open}
        style={{ position: "fixed", ...place }}
        className="z-50 rounded-lg bg-ink-900 px-3 py-2 text-left text-xs leading-snug font-normal text-white shadow-lg"
      >
        <span className="font-semibold">{term}:</span> {explanation}
      </span>
    </span>
  );
}
