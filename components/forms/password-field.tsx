"use client";

import { useEffect, useState, type ChangeEvent } from "react";
import { FieldError, FieldHint, Input, Label } from "@/components/ui/input";
import type { PasswordOwner, PasswordVerdict } from "@/lib/auth/password-strength";

type Estimator = typeof import("@/lib/auth/password-strength");

// Loaded on first keystroke: the common-password list is a few hundred kB the page shouldn't wait for.
let estimatorModule: Promise<Estimator> | undefined;
const loadEstimator = () => (estimatorModule ??= import("@/lib/auth/password-strength"));

type PasswordFieldProps = {
  name: string;
  label: string;
  /** The server's error for this field, shown until the user types again. */
  error?: string;
  autoComplete?: string;
  /** Who the password is for, when the page knows (change password). */
  owner?: PasswordOwner;
  /** Or: the names of this form's inputs holding the person's name and e-mail (signup). */
  ownerFields?: { name: string; email: string };
};

/**
 * A new-password input that says, as the user types, whether the password is strong enough and if
 * not why — the same check (lib/auth/password-strength.ts) the server makes on submit. The verdict
 * lives in a polite live region the input points at with aria-describedby.
 */
export function PasswordField({
  name,
  label,
  error,
  autoComplete = "new-password",
  owner,
  ownerFields,
}: PasswordFieldProps) {
  const id = name;
  const [value, setValue] = useState("");
  const [verdict, setVerdict] = useState<PasswordVerdict | null>(null);
  // A new server error replaces the live verdict until the next keystroke.
  const [seenError, setSeenError] = useState(error);
  const [typedSinceError, setTypedSinceError] = useState(false);
  if (error !== seenError) {
    setSeenError(error);
    setTypedSinceError(false);
  }

  const [form, setForm] = useState<HTMLFormElement | null>(null);
  useEffect(() => {
    if (!value) return;
    let cancelled = false;
    const who: PasswordOwner = owner ?? {
      name: fieldValue(form, ownerFields?.name),
      email: fieldValue(form, ownerFields?.email),
    };
    loadEstimator().then(({ checkPasswordStrength }) => {
      if (!cancelled) setVerdict(checkPasswordStrength(value, who));
    });
    return () => {
      cancelled = true;
    };
  }, [value, form, owner, ownerFields?.name, ownerFields?.email]);

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    setForm(event.currentTarget.form);
    setValue(event.currentTarget.value);
    setTypedSinceError(true);
  }

  const showError = Boolean(error) && !typedSinceError;
  const live = value && verdict ? verdict : null;
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        name={name}
        type="password"
        autoComplete={autoComplete}
        required
        onChange={onChange}
        aria-invalid={showError || (live ? !live.ok : false)}
        aria-describedby={`${id}-strength${showError ? ` ${id}-error` : ""}`}
      />
      <div id={`${id}-strength`} aria-live="polite" className="min-h-5 text-sm">
        {!live && !showError ? (
          <FieldHint>At least 8 characters. A few unrelated words work well.</FieldHint>
        ) : null}
        {live && !showError ? (
          live.ok ? (
            <span className="font-medium text-emerald-700">✓ Strong enough.</span>
          ) : (
            <span className="font-medium text-red-700">{live.message}</span>
          )
        ) : null}
      </div>
      {showError ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}

function fieldValue(form: HTMLFormElement | null, field: string | undefined): string {
  const element = field ? form?.elements.namedItem(field) : null;
  return element instanceof HTMLInputElement ? element.value : "";
}
