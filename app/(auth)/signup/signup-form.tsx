"use client";

import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/forms/password-field";
import { FormMessage, SelectField, TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { BUSINESS_TYPES } from "@/lib/validation/business-types";
import { signUp } from "./actions";
import { ReferralCodeField } from "./referral-code-field";

const BUSINESS_LABELS: Record<(typeof BUSINESS_TYPES)[number], string> = {
  creator: "Creator",
  escort: "Companion / escort",
  coach: "Coach or consultant",
  studio: "Studio",
  agency: "Agency",
  other: "Something else",
};

export function SignupForm({ initialCode }: { initialCode: string }) {
  const { state, formAction, onSubmit, pending } = useFormAction(signUp);
  const err = state.fieldErrors ?? {};
  // Echoed values matter only without JavaScript (a full page render); with it the fields keep their input.
  const v = state.values ?? {};

  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <FormMessage state={state} />
      <TextField
        name="name"
        label="Name"
        autoComplete="name"
        defaultValue={v.name}
        required
        error={err.name}
      />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        defaultValue={v.email}
        required
        error={err.email}
      />
      <TextField
        name="phone"
        label="Phone (optional)"
        type="tel"
        autoComplete="tel"
        defaultValue={v.phone}
        hint="Include your country code, e.g. +1 415 555 0100."
        error={err.phone}
      />
      <PasswordField
        name="password"
        label="Password"
        error={err.password}
        ownerFields={{ name: "name", email: "email" }}
      />
      <SelectField
        name="businessType"
        label="Business type"
        defaultValue={v.businessType ?? ""}
        required
        error={err.businessType}
      >
        <option value="" disabled>
          Choose one…
        </option>
        {BUSINESS_TYPES.map((type) => (
          <option key={type} value={type}>
            {BUSINESS_LABELS[type]}
          </option>
        ))}
      </SelectField>
      <ReferralCodeField initialCode={v.referralCode ?? initialCode} serverError={err.referralCode} />
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
