"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { FormMessage, TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { createEmbedCodeAction } from "./actions";

/**
 * "Create a code" inside the embedded panel: the dashboard's rules (createReferralCode), authenticated by the
 * panel's token in a hidden field. After a success the panel re-renders with the new code counted.
 */
export function EmbedCreateCode({ token, open }: { token: string; open: boolean }) {
  const { state, formAction, onSubmit, pending, successCount } = useFormAction(createEmbedCodeAction);
  const router = useRouter();
  useEffect(() => {
    if (successCount > 0) router.refresh();
  }, [successCount, router]);
  const err = state.fieldErrors ?? {};
  return (
    <details open={open} className="group rounded-lg border border-ink-200">
      <summary className="flex cursor-pointer items-center gap-1.5 rounded-lg px-3 py-2 text-sm font-medium text-ink-800 hover:bg-ink-50">
        <span aria-hidden className="inline-block transition-transform group-open:rotate-90">
          ▸
        </span>
        {open ? "Create your invite code" : "Create another code"}
      </summary>
      <form
        action={formAction}
        onSubmit={onSubmit}
        noValidate
        className="flex flex-col gap-3 border-t border-ink-200 p-3"
      >
        <input type="hidden" name="token" value={token} />
        <FormMessage state={state} />
        <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="min-w-0 sm:flex-1" key={successCount}>
            <TextField
              name="custom_code"
              label="Code (optional)"
              placeholder="Leave empty to generate one"
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
              className="font-mono uppercase placeholder:font-sans placeholder:normal-case"
              error={err.custom_code}
            />
          </div>
          <Button type="submit" disabled={pending} className="sm:mb-px">
            {pending ? "Creating…" : "Create code"}
          </Button>
        </div>
      </form>
    </details>
  );
}
