"use client";

import { FormMessage, TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { OfferConfig } from "@/lib/rewards/rules";
import { saveRuleAction } from "./actions";
import { CheckboxField, dateInputValue, SaveButton } from "./form-parts";

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
  const { state, formAction, onSubmit, pending, successCount } = useFormAction(saveRuleAction);
  const err = state.fieldErrors ?? {};
  const p = offer ? `offer-${offer.id}` : "offer-new";
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-3 px-5 py-4" noValidate>
      <input type="hidden" name="kind" value="offer" />
      {offer ? <input type="hidden" name="ruleId" value={offer.id} /> : null}
      <FormMessage state={state} />
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
        <TextField
          id={`${p}-referrals`}
          name="referrals"
          label="Referrals"
          type="number"
          min={1}
          inputMode="numeric"
          defaultValue={offer?.config.referrals ?? 3}
          error={err.referrals}
        />
        <TextField
          id={`${p}-days`}
          name="withinDays"
          label="Within days"
          type="number"
          min={1}
          inputMode="numeric"
          defaultValue={offer?.config.withinDays ?? 7}
          error={err.withinDays}
        />
        <TextField
          id={`${p}-bonus`}
          name="bonusPoints"
          label="Bonus points"
          type="number"
          min={1}
          inputMode="numeric"
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
      <div className="flex items-center justify-between gap-3">
        <CheckboxField id={`${p}-active`} defaultChecked={offer?.isActive ?? true} />
        <SaveButton pending={pending} label={offer ? "Save" : "Add offer"} />
      </div>
    </form>
  );
}
