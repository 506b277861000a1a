"use client";

import Link from "next/link";
import { ActionStatus } from "@/components/forms/action-status";
import { TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { bpsLabel } from "@/lib/commissions/calculate-commission";
import { setClientPartnerAction } from "../actions";

type Partner = { id: number; name: string; overrideBps: number | null };

/**
 * The white-label partner (agency) a client belongs to: who it is and its override, a field to assign one
 * by e-mail or client id, and removal. Changes apply to payments recorded afterwards.
 */
export function PartnerControl({ clientId, partner }: { clientId: number; partner: Partner | null }) {
  const assign = useFormAction(setClientPartnerAction);
  const remove = useFormAction(setClientPartnerAction);
  const fieldError = assign.state.fieldErrors?.partner ?? assign.state.fieldErrors?.partner_user_id;

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-ink-700" data-testid="partner-current">
        {partner ? (
          <>
            Belongs to{" "}
            <Link
              href={`/admin/clients/${partner.id}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {partner.name}
            </Link>
            {partner.overrideBps
              ? `, which earns a ${bpsLabel(partner.overrideBps)} override on this client's referrals' payments.`
              : ", which has no override rate set, so it earns nothing on this client's referrals yet."}
          </>
        ) : (
          "No partner. A partner (agency) earns its override on the payments of its members' referrals."
        )}
      </p>
      <form
        action={assign.formAction}
        onSubmit={assign.onSubmit}
        className="flex flex-col gap-3 sm:flex-row sm:items-end"
        aria-label="Set the partner"
      >
        <input type="hidden" name="intent" value="assign" />
        <input type="hidden" name="clientId" value={clientId} />
        <div className="min-w-0 sm:w-80">
          <TextField
            key={assign.successCount}
            name="partner"
            label={partner ? "Change partner" : "Assign a partner"}
            placeholder="E-mail or client id"
            autoComplete="off"
            maxLength={254}
            required
            error={fieldError}
            defaultValue={assign.state.values?.partner}
          />
        </div>
        <Button type="submit" disabled={assign.pending}>
          {assign.pending ? "Saving…" : partner ? "Change" : "Assign"}
        </Button>
      </form>
      {partner ? (
        <form action={remove.formAction} onSubmit={remove.onSubmit}>
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="clientId" value={clientId} />
          <Button type="submit" variant="secondary" size="sm" disabled={remove.pending}>
            Remove partner
          </Button>
        </form>
      ) : null}
      <div aria-live="polite">
        {/* A refused partner is said under the field; the other outcomes here. */}
        {fieldError ? null : <ActionStatus state={assign.state} />}
        <ActionStatus state={remove.state} />
      </div>
    </div>
  );
}
