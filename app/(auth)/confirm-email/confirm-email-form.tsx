"use client";

import Link from "next/link";
import { FormMessage } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { confirmEmailChangeAction } from "./actions";

export function ConfirmEmailForm({ token }: { token: string }) {
  const { state, formAction, onSubmit, pending } = useFormAction(confirmEmailChangeAction);
  const tokenError = state.fieldErrors?.token;
  const shown = tokenError ? { ...state, fieldErrors: undefined, message: tokenError } : state;
  if (state.status === "success") {
    return (
      <div className="flex flex-col gap-4">
        <FormMessage state={state} />
        <Link
          href="/login"
          className="rounded text-sm font-medium text-brand-700 underline-offset-4 hover:underline"
        >
          Go to sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <FormMessage state={shown} />
      <input type="hidden" name="token" value={token} />
      <Button type="submit" size="lg" disabled={pending} className="w-full">
        {pending ? "Confirming…" : "Confirm my new address"}
      </Button>
    </form>
  );
}
