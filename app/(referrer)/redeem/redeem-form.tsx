"use client";

import { useState } from "react";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { redeemAction } from "./actions";

type Props = { itemId: number; itemName: string; costPoints: number; affordable: boolean };

/**
 * Redeem in two steps (a reward can cost a lot of points): Redeem → Confirm. The coupon appears here once
 * issued, with a copy button; it is also listed under "Your coupons".
 */
export function RedeemForm({ itemId, itemName, costPoints, affordable }: Props) {
  const { state, formAction, onSubmit, pending } = useFormAction(redeemAction);
  const [confirming, setConfirming] = useState(false);
  const coupon = state.status === "success" ? String(state.data?.couponCode ?? "") : "";

  if (coupon) {
    return (
      <div role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-3">
        <p className="text-sm font-medium text-emerald-900">{state.message} Your coupon code:</p>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <code className="rounded-md bg-white px-2.5 py-1 font-mono text-sm font-semibold text-ink-900 ring-1 ring-emerald-200">
            {coupon}
          </code>
          <CopyButton value={coupon} label="Copy coupon" aria-label={`Copy coupon ${coupon}`} />
        </div>
      </div>
    );
  }

  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-2" noValidate>
      <input type="hidden" name="catalog_item_id" value={itemId} />
      {state.status === "error" && state.message ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {state.message}
        </p>
      ) : null}
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            type="submit"
            disabled={pending}
            aria-label={`Confirm: spend ${costPoints} points on ${itemName}`}
          >
            {pending ? "Redeeming…" : `Confirm: spend ${costPoints} points`}
          </Button>
          <Button variant="ghost" disabled={pending} onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      ) : (
        <Button
          variant={affordable ? "primary" : "secondary"}
          disabled={!affordable}
          onClick={() => setConfirming(true)}
          aria-label={affordable ? `Redeem ${itemName}` : `Not enough points for ${itemName}`}
        >
          {affordable ? "Redeem" : "Not enough points"}
        </Button>
      )}
    </form>
  );
}
