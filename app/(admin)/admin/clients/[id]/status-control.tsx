"use client";

import { useState } from "react";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { setClientStatusAction } from "../actions";

/** Suspend or reactivate, confirmed in place (what it does is said before it is done). */
export function StatusControl({
  client,
}: {
  client: { id: number; name: string; status: "active" | "suspended" | "inactive" };
}) {
  const { state, formAction, onSubmit, pending } = useFormAction(setClientStatusAction);
  const [confirming, setConfirming] = useState(false);
  const target = client.status === "suspended" ? "active" : "suspended";
  if (client.status === "inactive") {
    return <p className="text-sm text-ink-500">Inactive accounts are not managed here.</p>;
  }

  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      {confirming ? (
        <form
          action={formAction}
          onSubmit={(e) => {
            onSubmit(e);
            setConfirming(false);
          }}
          className="flex flex-col gap-2 rounded-lg border border-ink-200 bg-white p-3 text-sm shadow-sm sm:max-w-sm"
          aria-label={target === "suspended" ? "Confirm suspension" : "Confirm reactivation"}
        >
          <input type="hidden" name="clientId" value={client.id} />
          <input type="hidden" name="status" value={target} />
          <p className="text-ink-700">
            {target === "suspended"
              ? `${client.name} will be signed out, can't sign in, and their codes stop working until reactivated.`
              : `${client.name} can sign in again and their active codes work again.`}
          </p>
          <div className="flex gap-2">
            <Button
              type="submit"
              size="sm"
              variant={target === "suspended" ? "danger" : "primary"}
              disabled={pending}
            >
              {target === "suspended" ? "Yes, suspend" : "Yes, reactivate"}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Button
          variant={target === "suspended" ? "secondary" : "primary"}
          onClick={() => setConfirming(true)}
          disabled={pending}
        >
          {target === "suspended" ? "Suspend client" : "Reactivate client"}
        </Button>
      )}
      <div aria-live="polite" className="text-sm">
        {state.status === "success" ? <p className="font-medium text-emerald-800">{state.message}</p> : null}
        {state.status === "error" ? (
          <p role="alert" className="font-medium text-red-700">
            {state.message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
