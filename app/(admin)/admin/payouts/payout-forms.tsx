"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { ActionStatus } from "@/components/forms/action-status";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { FormMessage, TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableHead, TableScroll, Td, Th } from "@/components/ui/table";
import { formatMoneyByCurrency } from "@/lib/format";
import type { Balance } from "@/lib/queries/payouts";
import {
  approveDueAction,
  cancelPayoutBatchAction,
  createPayoutBatchAction,
  markPayoutBatchPaidAction,
  updateCommissionSettingsAction,
} from "./actions";

export function ApproveDueButton({ due }: { due: number }) {
  const { state, formAction, onSubmit, pending } = useFormAction(approveDueAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col items-start gap-2 sm:items-end">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Approving…" : `Approve due commissions${due ? ` (${due})` : ""}`}
      </Button>
      <ActionStatus state={state} />
    </form>
  );
}

/**
 * The referrers ready to be paid, all chosen by default; the batch pays the chosen ones. The checkboxes
 * are plain form fields (`pay_<id>`), so what is submitted is what is ticked, hydrated or not.
 */
export function CreateBatchForm({ balances: perCurrency }: { balances: Balance[] }) {
  const { state, formAction, onSubmit, pending } = useFormAction(createPayoutBatchAction);
  // Memoised: the effect below depends on it, and a new array each render would loop.
  const balances = useMemo(() => byReferrer(perCurrency), [perCurrency]);
  const formRef = useRef<HTMLFormElement>(null);
  const [chosen, setChosen] = useState<number[]>(() => balances.map((b) => b.userId));
  const readChosen = () => {
    const data = formRef.current ? new FormData(formRef.current) : null;
    setChosen(balances.filter((b) => data?.get(`pay_${b.userId}`) === "on").map((b) => b.userId));
  };
  useEffect(readChosen, [balances]);
  const total = sumByCurrency(balances.filter((b) => chosen.includes(b.userId)).flatMap((b) => b.amounts));
  const all = chosen.length === balances.length;
  const setAll = (checked: boolean) => {
    formRef.current
      ?.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name^="pay_"]')
      .forEach((box) => (box.checked = checked));
    readChosen();
  };

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} onChange={readChosen}>
      <TableScroll>
        <Table>
          <TableHead>
            <tr>
              <Th className="w-10">
                <input
                  type="checkbox"
                  aria-label="Pay everyone listed"
                  checked={all}
                  onChange={(e) => setAll(e.target.checked)}
                  className="size-4 accent-brand-600"
                />
              </Th>
              <Th unstyled className="px-2 py-3 font-medium">
                Referrer
              </Th>
              <Th align="right" className="hidden sm:table-cell">
                Commissions
              </Th>
              <Th align="right" className="whitespace-nowrap">
                Approved
              </Th>
            </tr>
          </TableHead>
          <TableBody>
            {balances.map((b) => (
              <tr key={b.userId} data-testid={`payable-${b.email}`}>
                <Td>
                  <input
                    type="checkbox"
                    name={`pay_${b.userId}`}
                    aria-label={`Pay ${b.name}`}
                    defaultChecked
                    className="size-4 accent-brand-600"
                  />
                </Td>
                <Td unstyled className="w-full max-w-0 px-2 py-3">
                  <p className="truncate font-medium text-ink-900">{b.name}</p>
                  <p className="truncate text-xs text-ink-500">{b.email}</p>
                </Td>
                <Td numeric className="hidden sm:table-cell">
                  {b.commissionCount}
                </Td>
                <Td numeric className="font-medium">
                  {formatMoneyByCurrency(b.amounts)}
                </Td>
              </tr>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
      <div className="flex flex-col gap-3 border-t border-ink-100 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-ink-600" aria-live="polite">
          {chosen.length} of {balances.length} referrers ·{" "}
          <span className="font-semibold text-ink-900">{formatMoneyByCurrency(total)}</span>
        </p>
        <div className="flex flex-col items-start gap-1 sm:items-end">
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create payout batch"}
          </Button>
          <ActionStatus state={state} message={state.fieldErrors?.form ?? state.message} />
        </div>
      </div>
    </form>
  );
}

export function MarkPaidForm({ batchId }: { batchId: number }) {
  const { state, formAction, onSubmit, pending } = useFormAction(markPayoutBatchPaidAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="batchId" value={batchId} />
      <TextField
        name="reference"
        label="Payment reference"
        placeholder="Bank transfer or payout provider reference"
        defaultValue={state.values?.reference}
        hint="Send the money first (the CSV lists who gets what), then record it here."
        error={state.fieldErrors?.reference}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Mark as paid"}
        </Button>
      </div>
    </form>
  );
}

export function CancelBatchButton({ batchId }: { batchId: number }) {
  return (
    <ConfirmActionButton
      action={cancelPayoutBatchAction}
      confirm={`Cancel payout batch #${batchId}? Its commissions go back to the balances.`}
      fields={{ batchId }}
      variant="ghost"
      label="Cancel batch"
      pendingLabel="Canceling…"
    />
  );
}

export type SettingsValues = {
  holdDays: string;
  minimumPayout: string;
  retentionMonths: string;
  retentionBonus: string;
};

export function CommissionSettingsForm({ values }: { values: SettingsValues }) {
  const { state, formAction, onSubmit, pending } = useFormAction(updateCommissionSettingsAction);
  const err = state.fieldErrors ?? {};
  const v: Record<string, string> = { ...values, ...(state.status === "error" ? state.values : {}) };
  const fields = [
    { name: "holdDays", label: "Hold period (days)", hint: "Before a commission can be approved." },
    { name: "minimumPayout", label: "Minimum payout ($)", hint: "Smaller balances wait for the next batch." },
    {
      name: "retentionMonths",
      label: "Retention bonus after (months)",
      hint: "0 turns the retention bonus off.",
    },
    {
      name: "retentionBonus",
      label: "Retention bonus ($)",
      hint: "Once per referral, after continuous months.",
    },
  ];
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-5 sm:grid-cols-2">
        {fields.map((f) => (
          <TextField
            key={f.name}
            name={f.name}
            label={f.label}
            hint={f.hint}
            inputMode="decimal"
            defaultValue={v[f.name]}
            error={err[f.name]}
          />
        ))}
      </div>
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </Button>
      </div>
    </form>
  );
}

type Amount = { currency: string; cents: number };

/** A referrer's payable balances (one per currency) as one row: one checkbox pays them all. */
function byReferrer(balances: Balance[]) {
  const rows = new Map<number, Balance & { amounts: Amount[] }>();
  for (const b of balances) {
    const row = rows.get(b.userId) ?? { ...b, commissionCount: 0, amounts: [] };
    row.commissionCount += b.commissionCount;
    row.amounts.push({ currency: b.currency, cents: b.approvedCents });
    rows.set(b.userId, row);
  }
  return [...rows.values()];
}

/** Totals per currency, in first-seen order: amounts of two currencies are never added. */
function sumByCurrency(amounts: Amount[]): Amount[] {
  const sums = new Map<string, number>();
  for (const a of amounts) sums.set(a.currency, (sums.get(a.currency) ?? 0) + a.cents);
  return [...sums].map(([currency, cents]) => ({ currency, cents }));
}
