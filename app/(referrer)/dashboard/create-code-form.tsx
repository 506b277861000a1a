"use client";

import { useState } from "react";
import { FormMessage, SelectField, TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { createCodeAction } from "./actions";

type Campaign = { id: number; name: string };

/** Create another code: type one, pick a suggestion (each already checked to be free), or leave it generated. */
export function CreateCodeForm({ suggestions, campaigns }: { suggestions: string[]; campaigns: Campaign[] }) {
  const { state, formAction, onSubmit, pending, successCount } = useFormAction(createCodeAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <FormMessage state={state} />
      {/* Remounted after each success, which clears the fields for the next code. */}
      <CodeFields
        key={successCount}
        err={state.fieldErrors ?? {}}
        suggestions={suggestions}
        campaigns={campaigns}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create code"}
        </Button>
      </div>
    </form>
  );
}

function CodeFields({
  err,
  suggestions,
  campaigns,
}: {
  err: Record<string, string>;
  suggestions: string[];
  campaigns: Campaign[];
}) {
  const [customCode, setCustomCode] = useState("");
  return (
    <>
      <div className="flex flex-col gap-2">
        <TextField
          name="custom_code"
          label="Code"
          value={customCode}
          onChange={(e) => setCustomCode(e.target.value)}
          placeholder="Leave empty to generate one"
          autoComplete="off"
          spellCheck={false}
          className="font-mono uppercase placeholder:font-sans placeholder:normal-case"
          maxLength={40}
          hint="6–12 letters or digits, dashes allowed (XYZ-MAYA)."
          error={err.custom_code}
        />
        {suggestions.length ? (
          <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Suggested codes">
            <span className="text-xs text-ink-500">Suggestions:</span>
            {suggestions.map((s) => (
              <button
                key={s}
                type="button"
                onClick={() => setCustomCode(s)}
                aria-pressed={customCode === s}
                className="rounded-full border border-brand-200 bg-brand-50 px-2.5 py-0.5 font-mono text-xs font-medium text-brand-800 hover:bg-brand-100 aria-pressed:bg-brand-600 aria-pressed:text-white"
              >
                {s}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="code_name"
          label="Friendly name (optional)"
          placeholder="Instagram bio"
          maxLength={100}
          error={err.code_name}
        />
        <TextField
          name="usage_limit"
          label="Usage limit"
          inputMode="numeric"
          placeholder="Unlimited"
          hint="Empty means unlimited."
          error={err.usage_limit}
        />
        <TextField
          name="expires_at"
          label="Expires (optional)"
          type="date"
          hint="Usable through the end of that day (UTC)."
          error={err.expires_at}
        />
        {campaigns.length ? (
          <SelectField name="campaign_id" label="Campaign (optional)" defaultValue="" error={err.campaign_id}>
            <option value="">No campaign</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
    </>
  );
}
