"use client";

import { useState } from "react";
import { FormMessage, TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

/** Creates a key and shows it this once, with a copy button. */
export function CreateApiKeyForm() {
  const { state, formAction, onSubmit, pending, successCount } = useFormAction(createApiKeyAction);
  const created =
    state.status === "success" ? (state.data as { key: string; name: string } | undefined) : undefined;

  return (
    <div className="flex flex-col gap-4">
      {created ? (
        <div
          aria-live="polite"
          className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          <p className="font-medium">{state.message}</p>
          <p
            className="mt-2 rounded-md bg-white px-2 py-1.5 font-mono text-xs break-all text-ink-900 ring-1 ring-emerald-200"
            data-testid="new-api-key"
          >
            {created.key}
          </p>
          <CopyButton value={created.key} label="Copy key" className="mt-2" />
        </div>
      ) : (
        <FormMessage state={state} />
      )}
      <form
        action={formAction}
        onSubmit={onSubmit}
        noValidate
        className="flex flex-col gap-3"
        aria-label="New API key"
      >
        <TextField
          key={successCount}
          id="key-name"
          name="name"
          label="Name"
          placeholder="Billing system"
          maxLength={80}
          autoComplete="off"
          error={state.fieldErrors?.name}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create key"}
        </Button>
      </form>
    </div>
  );
}

/** Revokes a key after an in-place confirmation. */
export function RevokeApiKeyButton({ keyId, name }: { keyId: number; name: string }) {
  const { state, formAction, onSubmit, pending } = useFormAction(revokeApiKeyAction);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <div className="flex flex-col items-end gap-1">
        <Button
          variant="secondary"
          size="sm"
          onClick={() => setConfirming(true)}
          aria-label={`Revoke ${name}`}
        >
          Revoke
        </Button>
        {state.status === "error" ? (
          <p role="alert" className="text-xs font-medium text-red-700">
            {state.message}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        onSubmit(e);
        setConfirming(false);
      }}
      className="flex flex-wrap items-center gap-2"
      aria-label={`Confirm revoking ${name}`}
    >
      <input type="hidden" name="keyId" value={keyId} />
      <span className="text-xs text-ink-600">Requests with it will fail.</span>
      <Button type="submit" variant="danger" size="sm" disabled={pending}>
        Yes, revoke
      </Button>
      <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
    </form>
  );
}
