"use client";

import { Button } from "@/components/ui/button";
import { FieldError, FieldHint, Input, Label } from "@/components/ui/input";
import { useFormAction } from "@/components/forms/use-form-action";
import { changePasswordAction } from "./actions";

export function PasswordForm({ callbackUrl }: { callbackUrl?: string }) {
  const { state, formAction, onSubmit, pending } = useFormAction(changePasswordAction);
  const err = state.fieldErrors ?? {};
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      {state.status === "error" && state.message && !Object.keys(err).length ? (
        <div
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
        >
          {state.message}
        </div>
      ) : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="currentPassword">Current password</Label>
        <Input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          aria-invalid={Boolean(err.currentPassword)}
          aria-describedby={err.currentPassword ? "currentPassword-error" : undefined}
          required
        />
        <FieldError id="currentPassword-error">{err.currentPassword}</FieldError>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="newPassword">New password</Label>
        <Input
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          aria-invalid={Boolean(err.newPassword)}
          aria-describedby="newPassword-hint newPassword-error"
          required
        />
        <FieldHint id="newPassword-hint">At least 8 characters.</FieldHint>
        <FieldError id="newPassword-error">{err.newPassword}</FieldError>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="confirmPassword">Repeat new password</Label>
        <Input
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          aria-invalid={Boolean(err.confirmPassword)}
          aria-describedby={err.confirmPassword ? "confirmPassword-error" : undefined}
          required
        />
        <FieldError id="confirmPassword-error">{err.confirmPassword}</FieldError>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save new password"}
      </Button>
    </form>
  );
}
