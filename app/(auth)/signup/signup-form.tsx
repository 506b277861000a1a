"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, FieldHint, Input, Label, Select } from "@/components/ui/input";
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
  const v = state.values ?? {};
  const [businessType, setBusinessType] = useState("");
  const described = (field: string, hint?: boolean) =>
    [hint ? `${field}-hint` : null, err[field] ? `${field}-error` : null].filter(Boolean).join(" ") ||
    undefined;

  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      {state.status === "error" && state.message && !Object.keys(err).length ? (
        <div
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm font-medium text-red-800"
        >
          {state.message}
        </div>
      ) : null}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="name">Name</Label>
        <Input
          id="name"
          name="name"
          autoComplete="name"
          defaultValue={v.name}
          required
          aria-invalid={Boolean(err.name)}
          aria-describedby={described("name")}
        />
        <FieldError id="name-error">{err.name}</FieldError>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="email">Email</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={v.email}
          required
          aria-invalid={Boolean(err.email)}
          aria-describedby={described("email")}
        />
        <FieldError id="email-error">{err.email}</FieldError>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="phone">Phone (optional)</Label>
        <Input
          id="phone"
          name="phone"
          type="tel"
          autoComplete="tel"
          defaultValue={v.phone}
          aria-invalid={Boolean(err.phone)}
          aria-describedby={described("phone", true)}
        />
        <FieldHint id="phone-hint">Include your country code, e.g. +1 415 555 0100.</FieldHint>
        <FieldError id="phone-error">{err.phone}</FieldError>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="password">Password</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={Boolean(err.password)}
          aria-describedby={described("password", true)}
        />
        <FieldHint id="password-hint">At least 8 characters.</FieldHint>
        <FieldError id="password-error">{err.password}</FieldError>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="businessType">Business type</Label>
        <Select
          id="businessType"
          name="businessType"
          value={businessType}
          onChange={(e) => setBusinessType(e.target.value)}
          required
          aria-invalid={Boolean(err.businessType)}
          aria-describedby={described("businessType")}
        >
          <option value="" disabled>
            Choose one…
          </option>
          {BUSINESS_TYPES.map((type) => (
            <option key={type} value={type}>
              {BUSINESS_LABELS[type]}
            </option>
          ))}
        </Select>
        <FieldError id="businessType-error">{err.businessType}</FieldError>
      </div>
      <ReferralCodeField initialCode={v.referralCode ?? initialCode} serverError={err.referralCode} />
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
