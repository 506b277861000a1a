"use client";

import { PasswordField } from "@/components/forms/password-field";
import { FormMessage, TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import type { PasswordOwner } from "@/lib/auth/password-strength";
import { changePasswordAction } from "./actions";

export function PasswordForm({ callbackUrl, owner }: { callbackUrl?: string; owner: PasswordOwner }) {
  const { state, formAction, onSubmit, pending } = useFormAction(changePasswordAction);
  const err = state.fieldErrors ?? {};
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <TextField
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        error={err.currentPassword}
      />
      <PasswordField name="newPassword" label="New password" error={err.newPassword} owner={owner} />
      <TextField
        name="confirmPassword"
        label="Repeat new password"
        type="password"
        autoComplete="new-password"
        required
        error={err.confirmPassword}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save new password"}
      </Button>
    </form>
  );
}
