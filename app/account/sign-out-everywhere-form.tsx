"use client";

import { FormMessage, TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { signOutEverywhereAction } from "./actions";

export function SignOutEverywhereForm() {
  const { state, formAction, onSubmit, pending } = useFormAction(signOutEverywhereAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-4">
      <FormMessage state={state} />
      <TextField
        id="sign-out-password"
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors?.currentPassword}
      />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Signing out…" : "Sign out everywhere"}
        </Button>
      </div>
    </form>
  );
}
