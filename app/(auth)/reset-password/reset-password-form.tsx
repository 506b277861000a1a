"use client";

import Link from "next/link";
import { PasswordField } from "@/components/forms/password-field";
import { FormMessage, TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const { state, formAction, onSubmit, pending } = useFormAction(resetPasswordAction);
  const err = state.fieldErrors ?? {};
  // A refused link (used, expired) is said above the form, with the way out.
  const linkRefused = state.status === "error" && Boolean(err.token);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <FormMessage state={linkRefused ? { ...state, fieldErrors: undefined, message: err.token } : state} />
      {linkRefused ? (
        <p className="text-sm text-ink-600">
          <Link
            href="/forgot-password"
            className="rounded font-medium text-brand-700 underline-offset-4 hover:underline"
          >
            Ask for a new link
          </Link>
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <PasswordField name="password" label="New password" error={err.password} />
      <TextField
        name="confirmPassword"
        label="Repeat new password"
        type="password"
        autoComplete="new-password"
        required
        error={err.confirmPassword}
      />
      <Button type="submit" size="lg" disabled={pending} className="w-full">
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
