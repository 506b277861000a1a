"use client";

import { ActionStatus } from "@/components/forms/action-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { processNotificationEventsAction } from "./actions";

/** Runs the events consumer now instead of waiting for its minute (or on an instance with JOBS=off). */
export function ProcessNowForm() {
  const { state, formAction, onSubmit, pending } = useFormAction(processNotificationEventsAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="mb-4 flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Processing…" : "Process new events now"}
      </Button>
      <ActionStatus state={state} />
    </form>
  );
}
