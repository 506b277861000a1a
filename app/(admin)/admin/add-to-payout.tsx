"use client";

import { useState } from "react";
import { ActionStatus } from "@/components/forms/action-status";
import { ConfirmPanel } from "@/components/forms/confirm-panel";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { payoutForReferralsAction } from "./payouts/payout-for-referrals-action";

/** "Add to a payout" for the ticked referrals, after a confirm step that says what will be paid. */
export function AddToPayout({ ids }: { ids: number[] }) {
  const form = useFormAction(payoutForReferralsAction);
  const { state, pending } = form;
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
        <ConfirmPanel
          form={form}
          fields={{ referralIds: ids.join(",") }}
          question={`Create a payout batch for the referrers of ${n} referral${n === 1 ? "" : "s"}? Each is paid their whole approved balance (refunds carried forward are netted), if it reaches the minimum payout.`}
          confirmLabel="Yes, create the payout"
          onCancel={() => setConfirming(false)}
        />
      ) : null}
      <ActionStatus state={state} />
    </div>
  );
}
