"use client";

import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/forms/text-field";
import { updateCodeAction } from "./actions";

type Code = {
  id: number;
  code: string;
  codeName: string | null;
  usageLimit: number | null;
  expiresAt: string | null;
  isActive: boolean;
};

/** Deactivate/reactivate a code in one click. */
export function ToggleCodeButton({ code }: { code: Code }) {
  const { state, formAction, onSubmit, pending } = useFormAction(updateCodeAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="inline">
      <input type="hidden" name="code_id" value={code.id} />
      <input type="hidden" name="is_active" value={code.isActive ? "false" : "true"} />
      <Button
        type="submit"
        size="sm"
        variant={code.isActive ? "ghost" : "secondary"}
        disabled={pending}
        aria-label={`${code.isActive ? "Deactivate" : "Reactivate"} ${code.code}`}
      >
        {pending ? "Saving…" : code.isActive ? "Deactivate" : "Reactivate"}
      </Button>
      {state.status === "error" ? (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

/** Change a code's name, limit and expiry (an empty limit means unlimited, an empty date never expires). */
export function EditCodeForm({ code }: { code: Code }) {
  const { state, formAction, onSubmit, pending } = useFormAction(updateCodeAction);
  const err = state.fieldErrors ?? {};
  const prefix = `code-${code.id}`;
  return (
    <details className="group">
      <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50">
        Edit<span className="sr-only"> {code.code}</span>
      </summary>
      <form
        action={formAction}
        onSubmit={onSubmit}
        className="mt-3 grid gap-3 rounded-lg border border-ink-200 bg-ink-50 p-4 sm:grid-cols-3"
        noValidate
      >
        <input type="hidden" name="code_id" value={code.id} />
        <TextField
          id={`${prefix}-name`}
          name="code_name"
          label="Name"
          defaultValue={code.codeName ?? ""}
          maxLength={100}
          error={err.code_name}
        />
        <TextField
          id={`${prefix}-limit`}
          name="usage_limit"
          label="Usage limit"
          inputMode="numeric"
          defaultValue={code.usageLimit ?? ""}
          placeholder="Unlimited"
          error={err.usage_limit}
        />
        <TextField
          id={`${prefix}-expiry`}
          name="expires_at"
          label="Expires"
          type="date"
          defaultValue={code.expiresAt?.slice(0, 10) ?? ""}
          error={err.expires_at}
        />
        <div className="flex items-center gap-3 sm:col-span-3">
          <Button type="submit" size="sm" disabled={pending}>
            {pending ? "Saving…" : "Save changes"}
          </Button>
          <span aria-live="polite" className="text-sm">
            {state.status === "success" ? <span className="text-emerald-700">{state.message}</span> : null}
            {state.status === "error" && !Object.keys(err).length ? (
              <span className="text-red-700">{state.message}</span>
            ) : null}
          </span>
        </div>
      </form>
    </details>
  );
}
