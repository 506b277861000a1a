"use client";

import type { ReactNode } from "react";
import { NumberField, TextField } from "@/components/forms/text-field";
import type { OfferConfig } from "@/lib/rewards/rules";
import { dateInputValue } from "./form-parts";
import { RuleForm } from "./rule-form";
import { RuleFields } from "./rule-forms";

type Offer = {
  id: number;
  name: string;
  isActive: boolean;
  config: OfferConfig;
  startsAt: Date | null;
  endsAt: Date | null;
};

/** An offer's fields. Dates are whole days, UTC; the end date is included. */
function OfferFields({
  offer,
  name,
  err = {},
}: {
  offer?: Offer;
  name: (field: string) => string;
  err?: Record<string, string>;
}) {
  const p = offer ? `offer-${offer.id}` : "offer-new";
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6">
      <div className="sm:col-span-2">
        <TextField
          id={`${p}-name`}
          name={name("name")}
          label="Name"
          defaultValue={offer?.name ?? ""}
          placeholder="Refer 3 in 7 days"
          maxLength={80}
          error={err.name}
        />
      </div>
      <NumberField
        id={`${p}-referrals`}
        name={name("referrals")}
        label="Referrals"
        min={1}
        defaultValue={offer?.config.referrals ?? 3}
        error={err.referrals}
      />
      <NumberField
        id={`${p}-days`}
        name={name("withinDays")}
        label="Within days"
        min={1}
        defaultValue={offer?.config.withinDays ?? 7}
        error={err.withinDays}
      />
      <NumberField
        id={`${p}-bonus`}
        name={name("bonusPoints")}
        label="Bonus points"
        min={1}
        defaultValue={offer?.config.bonusPoints ?? 500}
        error={err.bonusPoints}
      />
      <div className="hidden lg:block" />
      <TextField
        id={`${p}-starts`}
        name={name("startsOn")}
        label="Starts (UTC)"
        type="date"
        defaultValue={dateInputValue(offer?.startsAt)}
        error={err.startsOn}
      />
      <TextField
        id={`${p}-ends`}
        name={name("endsOn")}
        label="Ends (UTC, included)"
        type="date"
        defaultValue={dateInputValue(offer?.endsAt, 1)}
        error={err.endsOn}
      />
    </div>
  );
}

/** An existing offer inside the Offers section (saved with the others). */
export function OfferSectionFields({ offer, title }: { offer: Offer; title: ReactNode }) {
  return (
    <RuleFields
      rule={offer}
      kind="offer"

      title={title}
      className="flex flex-col gap-3 px-5 py-4"
    >
      {(name) => <OfferFields offer={offer} name={name} />}
    </RuleFields>
  );
}

/** A new offer: its own form, since adding one is not an edit of the section. */
export function NewOfferForm() {
  return (
    <RuleForm
      kind="offer"
      className="flex flex-col gap-3 px-5 py-4"
      active={{ id: "offer-new-active", defaultChecked: true }}
      saveLabel="Add offer"
    >
      {(err, successCount) => (
        // The fields clear after the offer is added.
        <div key={successCount}>
          <OfferFields name={(field) => field} err={err} />
        </div>
      )}
    </RuleForm>
  );
}
