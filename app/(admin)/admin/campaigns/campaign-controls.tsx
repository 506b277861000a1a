"use client";

import { ActionStatus } from "@/components/forms/action-status";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { FormMessage, TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { endCampaignAction, linkCodesAction, unlinkCodeAction } from "./actions";

/** Ends the campaign after a confirmation: it stops applying to new payments at once. */
export function EndCampaignButton({ campaignId, name }: { campaignId: number; name: string }) {
  return (
    <ConfirmActionButton
      action={endCampaignAction}
      confirm={`End ${name} now? New payments will earn the base rate again.`}
      fields={{ campaignId }}
      variant="danger"
      label="End campaign"
      pendingLabel="Ending…"
    />
  );
}

/** Links one or more codes (any spelling) to the campaign. */
export function LinkCodesForm({ campaignId }: { campaignId: number }) {
  const { state, formAction, onSubmit, pending } = useFormAction(linkCodesAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="campaignId" value={campaignId} />
      <TextField
        name="codes"
        label="Link codes"
        placeholder="MAYA2025, SARAH25"
        defaultValue={state.status === "error" ? state.values?.codes : ""}
        key={state.status === "success" ? state.message : "codes"}
        hint="Separate codes with commas or spaces. A code moves here from any other campaign."
        error={state.fieldErrors?.codes}
      />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Linking…" : "Link"}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

export function UnlinkCodeButton({
  campaignId,
  codeId,
  code,
}: {
  campaignId: number;
  codeId: number;
  code: string;
}) {
  const { state, formAction, onSubmit, pending } = useFormAction(unlinkCodeAction);
  return (
    <form action={formAction} onSubmit={onSubmit}>
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="codeId" value={codeId} />
      <Button type="submit" variant="ghost" size="sm" disabled={pending} aria-label={`Unlink ${code}`}>
        {pending ? "Unlinking…" : "Unlink"}
      </Button>
      {state.status === "error" ? <ActionStatus state={state} /> : null}
    </form>
  );
}
