"use client";

import Link from "next/link";
import { FormMessage, TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { requestPasswordResetAction } from "./actions";

export function ForgotPasswordForm() {
  const { state, formAction, onSubmit, pending } = useFormAction(requestPasswordResetAction);
  const err = state.fieldErrors ?? {};
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <FormMessage state={state} />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        required
        defaultValue={state.values?.email}
        error={err.email}
      />
      <Button type="submit" size="lg" disabled={pending} className="w-full">
        {pending ? "Sending…" : "Send me a reset link"}
      </Button>
      <p className="text-center text-sm text-ink-600">
        Remembered it?{" "}
        <Link href="/login" className="rounded font-medium text-brand-700 underline-offset-4 hover:underline">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
