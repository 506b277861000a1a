"use client";

import { NumberField, TextField } from "@/components/forms/text-field";
import type { OfferConfig } from "@/lib/rewards/rules";
import { dateInputValue } from "./form-parts";
import { RuleForm } from "./rule-form";

export type OfferFormProps = {
  offer?: {
    id: number;
    name: string;
    isActive: boolean;
    config: OfferConfig;
    startsAt: Date | null;
    endsAt: Date | null;
  };
};

/** Edit an offer, or (without `offer`) add one. Dates are whole days, UTC; the end date is included. */
export function OfferForm({ offer }: OfferFormProps) {
  const p = offer ? `offer-${offer.id}` : "offer-new";
  return (
    <RuleForm
      kind="offer"
      ruleId={offer?.id}
      className="flex flex-col gap-3 px-5 py-4"
      active={{ id: `${p}-active`, defaultChecked: offer?.isActive ?? true }}
      saveLabel={offer ? "Save" : "Add offer"}
    >
      {(err, successCount) => (
        <>
          {/* A new offer's fields clear after it is added. */}
          <div key={offer ? "edit" : successCount} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6">
            <div className="sm:col-span-2">
              <TextField
                id={`${p}-name`}
                name="name"
                label="Name"
                defaultValue={offer?.name ?? ""}
                placeholder="Refer 3 in 7 days"
                maxLength={80}
                error={err.name}
              />
            </div>
            <NumberField
              id={`${p}-referrals`}
              name="referrals"
              label="Referrals"
              min={1}
              defaultValue={offer?.config.referrals ?? 3}
              error={err.referrals}
            />
            <NumberField
              id={`${p}-days`}
              name="withinDays"
              label="Within days"
              min={1}
              defaultValue={offer?.config.withinDays ?? 7}
              error={err.withinDays}
            />
            <NumberField
              id={`${p}-bonus`}
              name="bonusPoints"
              label="Bonus points"
              min={1}
              defaultValue={offer?.config.bonusPoints ?? 500}
              error={err.bonusPoints}
            />
            <div className="hidden lg:block" />
            <TextField
              id={`${p}-starts`}
              name="startsOn"
              label="Starts (UTC)"
              type="date"
              defaultValue={dateInputValue(offer?.startsAt)}
              error={err.startsOn}
            />
            <TextField
              id={`${p}-ends`}
              name="endsOn"
              label="Ends (UTC, included)"
              type="date"
              defaultValue={dateInputValue(offer?.endsAt, 1)}
              error={err.endsOn}
            />
          </div>
        </>
      )}
    </RuleForm>
  );
}
