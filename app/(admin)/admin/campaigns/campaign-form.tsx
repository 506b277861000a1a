"use client";

import { useState } from "react";
import { FormMessage, SelectField, TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FieldError, FieldHint, Label, Textarea } from "@/components/ui/input";
import type { ActionState } from "@/lib/action-state";

export type CampaignFormValues = Record<string, string>;

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  defaults?: CampaignFormValues;
  campaignId?: number;
  submitLabel: string;
  tierRows: number;
};

const TYPES = [
  { value: "percentage", label: "Percentage of each payment" },
  { value: "flat_rate", label: "Flat amount per payment" },
  { value: "tier_based", label: "Tiered by the referrer's referrals" },
];

/** Create and edit a campaign: terms, bonus and window. Only the fields of the chosen type show. */
export function CampaignForm({ action, defaults = {}, campaignId, submitLabel, tierRows }: Props) {
  const { state, formAction, onSubmit, pending } = useFormAction(action);
  const err = state.fieldErrors ?? {};
  const v = { ...defaults, ...(state.status === "error" ? state.values : {}) };
  const [type, setType] = useState(v.commissionType || "percentage");
  const suffix = campaignId ?? "";
  const text = (name: string) => ({
    name,
    id: `${name}${suffix}`,
    defaultValue: v[name] ?? "",
    error: err[name],
  });

  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      {campaignId ? <input type="hidden" name="campaignId" value={campaignId} /> : null}
      <FormMessage state={state} />

      <div className="grid gap-5 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <TextField {...text("campaignName")} label="Name" placeholder="Holiday 2026" required />
        </div>
        <div className="flex flex-col gap-1.5 sm:col-span-2">
          <Label htmlFor={`description${suffix}`}>Description (optional)</Label>
          <Textarea
            id={`description${suffix}`}
            name="description"
            defaultValue={v.description ?? ""}
            rows={2}
            placeholder="Double commission for holiday referrals"
            aria-invalid={Boolean(err.description)}
            aria-describedby={err.description ? `description${suffix}-error` : undefined}
          />
          <FieldError id={`description${suffix}-error`}>{err.description}</FieldError>
        </div>
        <SelectField
          id={`commissionType${suffix}`}
          name="commissionType"
          label="Commission"
          value={type}
          onChange={(e) => setType(e.target.value)}
        >
          {TYPES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </SelectField>
        {type === "flat_rate" ? (
          <TextField
            {...text("flatAmount")}
            label="Amount per payment ($)"
            inputMode="decimal"
            placeholder="5.00"
          />
        ) : (
          <TextField
            {...text("rate")}
            label={type === "tier_based" ? "Rate below the first tier (%)" : "Rate (%)"}
            inputMode="decimal"
            placeholder="20"
          />
        )}
      </div>

      {type === "tier_based" ? (
        <fieldset className="rounded-lg border border-ink-200 p-4">
          <legend className="px-1 text-sm font-medium text-ink-800">Tiers</legend>
          <p className="mb-3 text-sm text-ink-500">
            The highest tier a referrer has reached sets their rate. Leave unused rows empty.
          </p>
          <div className="grid gap-3">
            {Array.from({ length: tierRows }, (_, i) => (
              <div key={i} className="grid grid-cols-2 gap-3">
                <TextField
                  {...text(`tierMin${i}`)}
                  label="From referrals"
                  inputMode="numeric"
                  placeholder={String([25, 50, 100, 200][i])}
                />
                <TextField
                  {...text(`tierRate${i}`)}
                  label="Rate (%)"
                  inputMode="decimal"
                  placeholder={String([12, 15, 20, 25][i])}
                />
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}

      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          {...text("bonusThreshold")}
          label="Bonus after referrals (optional)"
          inputMode="numeric"
          placeholder="25"
        />
        <TextField
          {...text("bonusAmount")}
          label="Bonus amount ($)"
          inputMode="decimal"
          placeholder="50.00"
        />
        <TextField {...text("startsOn")} label="Starts (UTC, optional)" type="date" />
        <TextField
          {...text("endsOn")}
          label="Ends (UTC, optional)"
          type="date"
          hint="Runs through the end of that day."
        />
      </div>
      <FieldHint>
        A running campaign replaces the base 10% for payments by clients referred with its linked codes; the
        referrer&apos;s tier multiplier still applies to percentage rates.
      </FieldHint>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
