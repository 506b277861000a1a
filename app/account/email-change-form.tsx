"use client";

import { FormMessage, TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { requestEmailChangeAction } from "./actions";

export function EmailChangeForm() {
  const { state, formAction, onSubmit, pending, successCount } = useFormAction(requestEmailChangeAction);
  const err = state.fieldErrors ?? {};
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <div key={successCount} className="flex flex-col gap-4">
        <TextField
          name="newEmail"
          label="New e-mail address"
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          required
          defaultValue={state.values?.newEmail}
          error={err.newEmail}
        />
        <TextField
          id="email-change-password"
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          error={err.currentPassword}
        />
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send confirmation link"}
        </Button>
      </div>
    </form>
  );
}
