"use client";

import { useRef } from "react";
import { ActionStatus } from "@/components/forms/action-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { reviewReferralsAction } from "./actions";
import type { EvidenceRow, ReviewCard } from "./review-evidence";

/** One flagged referral: why it was flagged, the evidence side by side, then the decision. */
export function ReviewItem({
  card,
  active,
  onActivate,
  checked,
  onCheck,
}: {
  card: ReviewCard;
  active: boolean;
  onActivate: () => void;
  checked: boolean;
  onCheck: (on: boolean) => void;
}) {
  return (
    <Card
      data-testid={`review-${card.id}`}
      data-review-id={card.id}
      tabIndex={-1}
      aria-labelledby={`review-title-${card.id}`}
      aria-current={active ? "true" : undefined}
      onFocus={onActivate}
      className={cn("scroll-mt-48 outline-none", active && "ring-2 ring-brand-500")}
      // One card per flagged referral: who and why on the left, the evidence and the decision beside it.
    >
      <CardBody className="grid gap-4 lg:grid-cols-[17rem_minmax(0,1fr)] lg:gap-6">
        <div className="flex items-start gap-3">
          <input
            type="checkbox"
            checked={checked}
            onChange={(e) => onCheck(e.target.checked)}
            aria-label={`Select referral of ${card.referredName}`}
            className="mt-1 size-4 accent-brand-600"
          />
          <div className="min-w-0 flex-1">
            <CardTitle as="h2" id={`review-title-${card.id}`}>
              {card.referredName} <span className="font-normal text-ink-500">via</span>{" "}
              <span className="font-mono">{card.code}</span>
            </CardTitle>
            <p className="text-sm text-ink-500">
              Signed up {card.signedUpOn}
              {card.heldCommission ? ` · ${card.heldCommission} commission held` : " · no commission yet"}
            </p>
            <ul className="mt-2 flex flex-col gap-2 text-sm" aria-label="Why it was flagged">
              {card.reasons.map((r) => (
                <li key={r.rule}>
                  <Badge tone="warning">{r.label}</Badge>
                  <p className="mt-1 text-ink-700">{r.reason}</p>
                </li>
              ))}
            </ul>
          </div>
        </div>
        <div className="flex min-w-0 flex-col gap-3">
          <EvidenceTable card={card} />
          <div className="flex flex-wrap items-start justify-end gap-2">
            <ApproveForm card={card} />
            <RejectDialog card={card} />
          </div>
        </div>
      </CardBody>
    </Card>
  );
}

function EvidenceTable({ card }: { card: ReviewCard }) {
  return (
    <table className="w-full table-fixed text-sm" data-testid="evidence">
      <caption className="sr-only">Evidence: the new client beside the referrer</caption>
      <colgroup>
        <col className="w-[28%] sm:w-[26%]" />
        <col />
        <col />
      </colgroup>
      <thead>
        <tr className="text-left text-xs tracking-wide text-ink-500 uppercase">
          <th scope="col" className="py-2 pr-2 font-medium">
            <span className="sr-only">Evidence</span>
          </th>
          <th scope="col" className="py-2 pr-2 font-medium">
            New client
          </th>
          <th scope="col" className="py-2 font-medium">
            Referrer
            {card.referrerName ? <span className="block normal-case">{card.referrerName}</span> : null}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-ink-100">
        {card.evidence.map((row) => (
          <EvidenceLine key={row.key} row={row} />
        ))}
      </tbody>
    </table>
  );
}

function EvidenceLine({ row }: { row: EvidenceRow }) {
  const cell = "py-1.5 align-top [overflow-wrap:anywhere]";
  const value = (text: string, marked = row.match) =>
    marked ? (
      <mark className="rounded bg-red-50 px-1 font-medium text-red-900 ring-1 ring-red-200">{text}</mark>
    ) : (
      text
    );
  return (
    <tr data-evidence={row.key} data-match={row.match ? "true" : undefined}>
      <th scope="row" className={cn(cell, "pr-2 text-left font-medium text-ink-500")}>
        {row.label}
        {row.match ? (
          <Badge tone="danger" className="mt-1 flex w-fit">
            {row.referredOnly ? "Flagged" : "Match"}
          </Badge>
        ) : null}
      </th>
      <td className={cn(cell, "pr-2 text-ink-900")}>
        {value(row.referred)}
        {row.note ? <p className="mt-1 text-xs text-ink-500">{row.note}</p> : null}
      </td>
      <td className={cn(cell, "text-ink-900")}>{value(row.referrer, row.match && !row.referredOnly)}</td>
    </tr>
  );
}

function ApproveForm({ card }: { card: ReviewCard }) {
  const { state, formAction, onSubmit, pending } = useFormAction(reviewReferralsAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col items-end gap-1">
      <input type="hidden" name="decision" value="approve" />
      <input type="hidden" name="referralIds" value={card.id} />
      <Button type="submit" size="sm" data-decision="approve" disabled={pending} aria-keyshortcuts="a">
        {pending ? "Working…" : "Approve"}
      </Button>
      {state.status === "error" ? <ActionStatus state={state} /> : null}
    </form>
  );
}

/** Rejecting is for good: it asks first, in a modal dialog (Escape or Cancel closes it). */
function RejectDialog({ card }: { card: ReviewCard }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const { state, formAction, onSubmit, pending } = useFormAction(reviewReferralsAction);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        size="sm"
        variant="danger"
        data-decision="reject"
        aria-keyshortcuts="r"
        aria-haspopup="dialog"
        onClick={() => {
          dialog.current?.showModal();
          // The question is the confirmation: Enter answers it, Escape or Cancel takes it back.
          confirm.current?.focus();
        }}
      >
        Reject
      </Button>
      {state.status === "error" ? <ActionStatus state={state} /> : null}
      <dialog
        ref={dialog}
        aria-labelledby={`reject-title-${card.id}`}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-ink-900/40"
      >
        <form
          action={formAction}
          onSubmit={(e) => {
            onSubmit(e);
            dialog.current?.close();
          }}
          className="flex flex-col gap-4 p-5"
        >
          <input type="hidden" name="decision" value="reject" />
          <input type="hidden" name="referralIds" value={card.id} />
          <h2 id={`reject-title-${card.id}`} className="text-base font-semibold text-ink-900">
            Reject {card.referredName}&apos;s referral?
          </h2>
          <p className="text-sm text-ink-700">
            Its commissions and held points are rejected ({card.heldCommission ?? "no commission"} held). This
            can&apos;t be undone.
          </p>
          <div className="flex justify-end gap-2">
            <Button size="sm" variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button ref={confirm} type="submit" size="sm" variant="danger" disabled={pending}>
              Yes, reject
            </Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
