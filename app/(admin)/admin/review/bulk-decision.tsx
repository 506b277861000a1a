"use client";

import { useState, type ReactNode } from "react";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-state";
import { reviewReferralsAction } from "./actions";

type Decision = "approve" | "reject";

export function DecisionMessage({ state }: { state: ActionState }) {
  if (!state.message || state.status === "idle") return null;
  return (
    <p
      role={state.status === "error" ? "alert" : "status"}
      className={
        state.status === "error" ? "text-sm font-medium text-red-700" : "text-sm font-medium text-emerald-700"
      }
    >
      {state.message}
    </p>
  );
}

/**
 * Approve or reject the chosen referrals, after a confirm step. Used by the review queue and by the
 * reports table's selection; referrals not pending review are skipped by the server, which says how many.
 */
export function BulkDecision({ ids, children }: { ids: number[]; children?: ReactNode }) {
  const { state, formAction, onSubmit, pending } = useFormAction(reviewReferralsAction);
  const [confirming, setConfirming] = useState<Decision | null>(null);
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    setConfirming(null);
  }
  const n = ids.length;
  const noun = `${n} referral${n === 1 ? "" : "s"}`;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-4">
        {children}
        <div className="ml-auto flex gap-2">
          <Button size="sm" disabled={!n || pending} onClick={() => setConfirming("approve")}>
            Approve selected
          </Button>
          <Button size="sm" variant="danger" disabled={!n || pending} onClick={() => setConfirming("reject")}>
            Reject selected
          </Button>
        </div>
      </div>
      {confirming && n ? (
        <form
          action={formAction}
          onSubmit={onSubmit}
          className="flex flex-wrap items-center gap-3 rounded-lg border border-ink-200 bg-ink-50 p-3"
        >
          <input type="hidden" name="decision" value={confirming} />
          <input type="hidden" name="referralIds" value={ids.join(",")} />
          <p className="text-sm text-ink-900" role="status">
            {confirming === "approve"
              ? `Approve ${noun}? Their held commissions and points are released.`
              : `Reject ${noun}? Their commissions and held points are rejected. This can't be undone.`}
          </p>
          <div className="ml-auto flex gap-2">
            <Button
              type="submit"
              size="sm"
              variant={confirming === "reject" ? "danger" : "primary"}
              disabled={pending}
            >
              {pending ? "Working…" : `Yes, ${confirming} ${noun}`}
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setConfirming(null)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      <DecisionMessage state={state} />
    </div>
  );
}
