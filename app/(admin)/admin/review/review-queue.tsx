"use client";

import { useState, type ReactNode } from "react";
import { ActionStatus } from "@/components/forms/action-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { RowHeader, Table, TableBody, TableHead, TableScroll, Td, Th } from "@/components/ui/table";
import { reviewReferralsAction } from "./actions";
import { BulkDecision } from "./bulk-decision";

export type ReviewCard = {
  id: number;
  code: string;
  signedUpOn: string;
  heldCommission: string | null;
  reasons: { label: string; reason: string }[];
  referred: { name: string; email: string; ip: string; device: string; userAgent: string; joinedOn: string };
  referrer: {
    name: string;
    email: string;
    ip: string;
    sameIp: boolean;
    device: string;
    sameDevice: boolean;
    joinedOn: string;
  } | null;
};

type Decision = "approve" | "reject";

/** The flagged referrals with their evidence; decide one by one, or tick several and confirm. */
export function ReviewQueue({ cards }: { cards: ReviewCard[] }) {
  const [ticked, setTicked] = useState<number[]>([]);
  // Decided rows leave the list when the page refreshes; they leave the selection with it.
  const selected = ticked.filter((id) => cards.some((c) => c.id === id));
  const toggle = (id: number, on: boolean) =>
    setTicked((prev) => (on ? [...prev.filter((x) => x !== id), id] : prev.filter((x) => x !== id)));
  const all = selected.length === cards.length;

  return (
    <div className="flex flex-col gap-6">
      <BulkBar selected={selected} all={all} onAll={(on) => setTicked(on ? cards.map((c) => c.id) : [])} />
      <ul className="flex flex-col gap-6" aria-label="Flagged referrals">
        {cards.map((card) => (
          <li key={card.id}>
            <ReviewItem
              card={card}
              checked={selected.includes(card.id)}
              onCheck={(on) => toggle(card.id, on)}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

function BulkBar({
  selected,
  all,
  onAll,
}: {
  selected: number[];
  all: boolean;
  onAll: (on: boolean) => void;
}) {
  return (
    <Card role="region" aria-label="Bulk decision" className="sticky top-20 z-10">
      <CardBody>
        <BulkDecision ids={selected}>
          <label className="flex items-center gap-2 text-sm font-medium text-ink-900">
            <input
              type="checkbox"
              checked={all}
              onChange={(e) => onAll(e.target.checked)}
              className="size-4 accent-brand-600"
            />
            Select all
          </label>
          <span className="text-sm text-ink-500" aria-live="polite">
            {selected.length} selected
          </span>
        </BulkDecision>
      </CardBody>
    </Card>
  );
}

function DecisionForm({ id, decision }: { id: number; decision: Decision }) {
  const { state, formAction, onSubmit, pending } = useFormAction(reviewReferralsAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col items-end gap-1">
      <input type="hidden" name="decision" value={decision} />
      <input type="hidden" name="referralIds" value={id} />
      <Button
        type="submit"
        size="sm"
        variant={decision === "approve" ? "primary" : "danger"}
        disabled={pending}
      >
        {pending ? "Working…" : decision === "approve" ? "Approve" : "Reject"}
      </Button>
      {state.status === "error" ? <ActionStatus state={state} /> : null}
    </form>
  );
}

function Match({ same, text }: { same: boolean; text: string }) {
  return same ? <Badge tone="danger">{text}</Badge> : <span>{text}</span>;
}

function ReviewItem({
  card,
  checked,
  onCheck,
}: {
  card: ReviewCard;
  checked: boolean;
  onCheck: (on: boolean) => void;
}) {
  const { referred, referrer } = card;
  const rows: { label: string; referred: ReactNode; referrer: ReactNode }[] = [
    { label: "Name", referred: referred.name, referrer: referrer?.name ?? "—" },
    { label: "E-mail", referred: referred.email, referrer: referrer?.email ?? "—" },
    {
      label: "Signup IP",
      referred: <span className="font-mono">{referred.ip}</span>,
      referrer: referrer ? <Match same={referrer.sameIp} text={referrer.ip} /> : "—",
    },
    {
      label: "Device",
      referred: <span className="font-mono">{referred.device}</span>,
      referrer: referrer ? <Match same={referrer.sameDevice} text={referrer.device} /> : "—",
    },
    { label: "User agent", referred: referred.userAgent, referrer: "Not recorded" },
    { label: "Joined", referred: referred.joinedOn, referrer: referrer?.joinedOn ?? "—" },
  ];

  return (
    <Card data-testid={`review-${card.id}`} aria-labelledby={`review-title-${card.id}`}>
      <CardHeader className="flex flex-wrap items-start gap-4">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onCheck(e.target.checked)}
          aria-label={`Select referral of ${referred.name}`}
          className="mt-1 size-4 accent-brand-600"
        />
        <div className="min-w-0 flex-1">
          <CardTitle as="h2" id={`review-title-${card.id}`}>
            {referred.name} <span className="font-normal text-ink-500">via</span>{" "}
            <span className="font-mono">{card.code}</span>
          </CardTitle>
          <p className="text-sm text-ink-500">
            Signed up {card.signedUpOn}
            {card.heldCommission ? ` · ${card.heldCommission} commission held` : " · no commission yet"}
          </p>
        </div>
        <div className="flex gap-2">
          <DecisionForm id={card.id} decision="approve" />
          <DecisionForm id={card.id} decision="reject" />
        </div>
      </CardHeader>
      <CardBody className="grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <div>
          <h3 className="text-sm font-semibold text-ink-900">Why it was flagged</h3>
          <ul className="mt-2 flex flex-col gap-2 text-sm">
            {card.reasons.map((r) => (
              <li key={r.label}>
                <Badge tone="warning">{r.label}</Badge>
                <p className="mt-1 text-ink-700">{r.reason}</p>
              </li>
            ))}
          </ul>
        </div>
        <TableScroll aria-label="Evidence, scrollable">
          <Table>
            <caption className="sr-only">Evidence: the new client beside the referrer</caption>
            <TableHead>
              <tr>
                <Th unstyled className="py-2 pr-4 font-medium">
                  <span className="sr-only">Evidence</span>
                </Th>
                <Th unstyled className="py-2 pr-4 font-medium">
                  New client
                </Th>
                <Th unstyled className="py-2 font-medium">
                  Referrer
                </Th>
              </tr>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <RowHeader unstyled className="py-2 pr-4 font-medium whitespace-nowrap text-ink-500">
                    {row.label}
                  </RowHeader>
                  <Td unstyled className="max-w-xs py-2 pr-4 break-words">
                    {row.referred}
                  </Td>
                  <Td unstyled className="py-2 break-words">
                    {row.referrer}
                  </Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      </CardBody>
    </Card>
  );
}
