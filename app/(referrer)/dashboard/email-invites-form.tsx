"use client";

import { FormMessage, SelectField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { InviteStatusBadge, QUEUED_NOTE, SENT_NOTE } from "@/components/invites/invite-status-badge";
import { Button } from "@/components/ui/button";
import { FieldError, FieldHint, Label, Textarea } from "@/components/ui/input";
import type { InviteResult } from "@/lib/invites/send-email-invites";
import { sendEmailInvitesAction } from "./invite-actions";

type EmailInvitesFormProps = {
  codes: Array<{ id: number; code: string }>;
  remainingToday: number;
  dailyLimit: number;
  maxPerSend: number;
};

type SendOutcome = { results: InviteResult[]; remainingToday: number };

/** Invite by e-mail: pick a code, paste addresses, then see what happened to each one. */
export function EmailInvitesForm({ codes, remainingToday, dailyLimit, maxPerSend }: EmailInvitesFormProps) {
  const { state, formAction, onSubmit, pending, successCount } = useFormAction(sendEmailInvitesAction);
  const err = state.fieldErrors ?? {};
  const outcome = state.status === "success" ? (state.data as SendOutcome | undefined) : undefined;
  const remaining = outcome?.remainingToday ?? remainingToday;
  const addressesDescribedBy = ["invite-addresses-hint", err.addresses ? "invite-addresses-error" : null]
    .filter(Boolean)
    .join(" ");

  return (
    <div className="flex flex-col gap-5">
      <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        <FormMessage state={state} />
        <div className="sm:max-w-xs">
          <SelectField
            id="invite-code"
            name="code_id"
            label="Code to invite with"
            defaultValue={state.values?.code_id ?? String(codes[0]?.id ?? "")}
            error={err.code_id}
          >
            {codes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.code}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="invite-addresses">E-mail addresses</Label>
          {/* Remounted after each success, which empties it for the next batch. */}
          <Textarea
            key={successCount}
            id="invite-addresses"
            name="addresses"
            rows={4}
            defaultValue={state.status === "error" ? state.values?.addresses : undefined}
            placeholder={"friend@example.com, another@example.com"}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={Boolean(err.addresses)}
            aria-describedby={addressesDescribedBy}
          />
          <FieldHint id="invite-addresses-hint">
            Separate addresses with commas or new lines; up to {maxPerSend} at a time.
          </FieldHint>
          <FieldError id="invite-addresses-error">{err.addresses}</FieldError>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" disabled={pending || remaining <= 0}>
            {pending ? "Sending…" : "Send invites"}
          </Button>
          <p className="text-sm text-ink-600" aria-live="polite">
            <strong className="font-semibold text-ink-900">{remaining}</strong> of {dailyLimit} invites left
            today
          </p>
        </div>
      </form>

      <div aria-live="polite">
        {outcome?.results.length ? (
          <section aria-labelledby="invite-results-title">
            <h3 id="invite-results-title" className="mb-2 text-sm font-semibold text-ink-900">
              What happened to each address
            </h3>
            <ul className="divide-y divide-ink-100 rounded-lg border border-ink-200">
              {outcome.results.map((r) => (
                <li
                  key={r.id}
                  className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm"
                >
                  <span className="font-medium break-all text-ink-900">{r.email}</span>
                  <span className="flex flex-wrap items-center gap-2 text-ink-600">
                    <InviteStatusBadge status={r.status} />
                    <span>
                      {r.status === "queued"
                        ? (r.reason ?? QUEUED_NOTE)
                        : r.status === "sent"
                          ? SENT_NOTE
                          : r.reason}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </div>
  );
}
