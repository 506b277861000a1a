"use client";

import { useState, type ReactNode } from "react";
import { ActionStatus } from "@/components/forms/action-status";
import { ConfirmPanel } from "@/components/forms/confirm-panel";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { reviewReferralsAction } from "./actions";

type Decision = "approve" | "reject";

/**
 * Approve or reject the chosen referrals, after a confirm step. Used by the review queue and by the
 * reports table's selection; referrals not pending review are skipped by the server, which says how many.
 */
export function BulkDecision({ ids, children }: { ids: number[]; children?: ReactNode }) {
  const form = useFormAction(reviewReferralsAction);
  const { state, pending } = form;
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
        <ConfirmPanel
          form={form}
          fields={{ decision: confirming, referralIds: ids.join(",") }}
          question={
            confirming === "approve"
              ? `Approve ${noun}? Their held commissions and points are released.`
              : `Reject ${noun}? Their commissions and held points are rejected. This can't be undone.`
          }
          confirmLabel={`Yes, ${confirming} ${noun}`}
          confirmVariant={confirming === "reject" ? "danger" : "primary"}
          onCancel={() => setConfirming(null)}
        />
      ) : null}
      <ActionStatus state={state} />
    </div>
  );
}
