"use client";

import Link from "next/link";
import { FormMessage, SelectField, TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { createClientAction } from "./actions";

type Created = {
  clientId: number;
  name: string;
  email: string;
  accountNumber: string;
  code: string;
  tempPassword: string;
};

/**
 * Creates a client through `POST /api/clients`'s domain call. The temporary password lives only in this
 * response: it is shown once, here, and is gone after a reload or the next client.
 */
export function CreateClientForm({
  tiers,
  businessTypes,
}: {
  tiers: { id: number; name: string }[];
  businessTypes: string[];
}) {
  const { state, formAction, onSubmit, pending, successCount } = useFormAction(createClientAction);
  // attributeSignup names the code field `referralCode` (the signup form's); here it is `referral_code`.
  const { referralCode, ...fieldErrors } = state.fieldErrors ?? {};
  const err: Record<string, string> = referralCode
    ? { ...fieldErrors, referral_code: referralCode }
    : fieldErrors;
  const created = state.status === "success" ? (state.data as Created | undefined) : undefined;

  return (
    <div className="flex flex-col gap-5">
      {created ? (
        <div
          aria-live="polite"
          className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
          data-testid="created-client"
        >
          <p className="font-medium">{state.message}</p>
          <dl className="mt-3 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
            <dt className="text-emerald-800">E-mail</dt>
            <dd className="truncate">{created.email}</dd>
            <dt className="text-emerald-800">Account</dt>
            <dd className="font-mono">{created.accountNumber}</dd>
            <dt className="text-emerald-800">Code</dt>
            <dd className="font-mono" data-testid="created-code">
              {created.code}
            </dd>
            <dt className="text-emerald-800">Password</dt>
            <dd className="font-mono font-semibold break-all" data-testid="temp-password">
              {created.tempPassword}
            </dd>
          </dl>
          <div className="mt-3 flex flex-wrap gap-2">
            <CopyButton value={created.tempPassword} label="Copy password" />
            <Link
              href={`/admin/clients/${created.clientId}`}
              className="inline-flex h-8 items-center rounded-lg px-3 text-sm font-medium text-emerald-900 underline-offset-2 hover:underline"
            >
              Open {created.name}
            </Link>
          </div>
        </div>
      ) : (
        <FormMessage state={{ ...state, fieldErrors: err }} />
      )}

      <form
        action={formAction}
        onSubmit={onSubmit}
        noValidate
        className="flex flex-col gap-4"
        aria-label="New client"
      >
        {/* Remounted after each success, which clears the fields for the next client. */}
        <div key={successCount} className="flex flex-col gap-4">
          <TextField
            id="new-name"
            name="name"
            label="Name"
            error={err.name}
            autoComplete="off"
            maxLength={100}
          />
          <TextField
            id="new-email"
            name="email"
            label="E-mail"
            type="email"
            error={err.email}
            autoComplete="off"
            maxLength={254}
          />
          <TextField
            id="new-phone"
            name="phone"
            label="Phone (optional)"
            type="tel"
            error={err.phone}
            autoComplete="off"
            placeholder="+1 415 555 0100"
          />
          <div className="grid grid-cols-2 gap-3">
            <SelectField
              id="new-business_type"
              name="business_type"
              label="Business"
              defaultValue="creator"
              error={err.business_type}
            >
              {businessTypes.map((b) => (
                <option key={b} value={b}>
                  {b[0].toUpperCase() + b.slice(1)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="new-subscription_tier_id"
              name="subscription_tier_id"
              label="Plan"
              defaultValue=""
              error={err.subscription_tier_id}
            >
              <option value="">Default</option>
              {tiers.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </SelectField>
          </div>
          <TextField
            id="new-trial_days"
            name="trial_days"
            label="Trial days"
            inputMode="numeric"
            defaultValue="7"
            error={err.trial_days}
          />
          <TextField
            id="new-referral_code"
            name="referral_code"
            label="Referred with (optional)"
            hint="The referrer's code, if someone referred them."
            error={err.referral_code}
            autoComplete="off"
            spellCheck={false}
            className="font-mono uppercase"
            maxLength={40}
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create client"}
        </Button>
      </form>
    </div>
  );
}
