"use client";

import { useState } from "react";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FieldError, FieldHint, Input, Label, Select } from "@/components/ui/input";
import { createCodeAction } from "./actions";

type Campaign = { id: number; name: string };

/** Create another code: type one, pick a suggestion (each already checked to be free), or leave it generated. */
export function CreateCodeForm({ suggestions, campaigns }: { suggestions: string[]; campaigns: Campaign[] }) {
  const { state, formAction, onSubmit, pending, successCount } = useFormAction(createCodeAction);
  const err = state.fieldErrors ?? {};

  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <div aria-live="polite">
        {state.status === "success" ? (
          <p className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-800">
            {state.message}
          </p>
        ) : null}
        {state.status === "error" && state.message && !Object.keys(err).length ? (
          <p
            role="alert"
            className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm font-medium text-red-800"
          >
            {state.message}
          </p>
        ) : null}
      </div>
      {/* Remounted after each success, which clears the fields for the next code. */}
      <CodeFields key={successCount} err={err} suggestions={suggestions} campaigns={campaigns} />
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
  const field = (name: string, hint?: boolean) => ({
    id: name,
    name,
    "aria-invalid": Boolean(err[name]),
    "aria-describedby":
      [hint ? `${name}-hint` : "", err[name] ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined,
  });
  return (
    <>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="custom_code">Code</Label>
        <Input
          {...field("custom_code", true)}
          value={customCode}
          onChange={(e) => setCustomCode(e.target.value)}
          placeholder="Leave empty to generate one"
          autoComplete="off"
          spellCheck={false}
          className="font-mono uppercase"
          maxLength={40}
        />
        <FieldHint id="custom_code-hint">6–12 letters or digits, dashes allowed (XYZ-MAYA).</FieldHint>
        <FieldError id="custom_code-error">{err.custom_code}</FieldError>
        {suggestions.length ? (
          <div className="mt-1 flex flex-wrap items-center gap-2" role="group" aria-label="Suggested codes">
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
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="code_name">Friendly name (optional)</Label>
          <Input {...field("code_name")} placeholder="Instagram bio" maxLength={100} />
          <FieldError id="code_name-error">{err.code_name}</FieldError>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="usage_limit">Usage limit</Label>
          <Input {...field("usage_limit", true)} inputMode="numeric" placeholder="Unlimited" />
          <FieldHint id="usage_limit-hint">Empty means unlimited.</FieldHint>
          <FieldError id="usage_limit-error">{err.usage_limit}</FieldError>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="expires_at">Expires (optional)</Label>
          <Input {...field("expires_at", true)} type="date" />
          <FieldHint id="expires_at-hint">Usable through the end of that day (UTC).</FieldHint>
          <FieldError id="expires_at-error">{err.expires_at}</FieldError>
        </div>
        {campaigns.length ? (
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="campaign_id">Campaign (optional)</Label>
            <Select {...field("campaign_id")} defaultValue="">
              <option value="">No campaign</option>
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
            <FieldError id="campaign_id-error">{err.campaign_id}</FieldError>
          </div>
        ) : null}
      </div>
    </>
  );
}
