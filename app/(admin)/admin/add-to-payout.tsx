"use client";

import { useState } from "react";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { payoutForReferralsAction } from "./payouts/payout-for-referrals-action";
import { DecisionMessage } from "./review/bulk-decision";

/** "Add to a payout" for the ticked referrals, after a confirm step that says what will be paid. */
export function AddToPayout({ ids }: { ids: number[] }) {
  const { state, formAction, onSubmit, pending } = useFormAction(payoutForReferralsAction);
  const [confirming, setConfirming] = useState(false);
  const n = ids.length;
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button size="sm" variant="secondary" disabled={!n || pending} onClick={() => setConfirming(true)}>
          Add to a payout
        </Button>
      </div>
      {confirming && n ? (
        <form
          action={formAction}
          onSubmit={onSubmit}
          className="flex flex-wrap items-center gap-3 rounded-lg border border-ink-200 bg-ink-50 p-3"
        >
          <input type="hidden" name="referralIds" value={ids.join(",")} />
          <p className="text-sm text-ink-900" role="status">
            Create a payout batch for the referrers of {n} referral{n === 1 ? "" : "s"}? Each is paid their
            whole approved balance (refunds carried forward are netted), if it reaches the minimum payout.
          </p>
          <div className="ml-auto flex gap-2">
            <Button type="submit" size="sm" disabled={pending}>
              {pending ? "Working…" : "Yes, create the payout"}
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      <DecisionMessage state={state} />
    </div>
  );
}
