"use client";

import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { retryJobAction } from "./actions";

/** Retries one failed job; the outcome (or why not) is announced beside the button. */
export function RetryJobButton({ queue, jobId }: { queue: string; jobId: string }) {
  const { state, formAction, onSubmit, pending } = useFormAction(retryJobAction);
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      className="flex flex-col items-start gap-1"
      aria-label="Retry job"
    >
      <input type="hidden" name="queue" value={queue} />
      <input type="hidden" name="jobId" value={jobId} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending || state.status === "success"}>
        {pending ? "Retrying…" : "Retry"}
      </Button>
      {state.status !== "idle" && state.message ? (
        <p
          role={state.status === "error" ? "alert" : "status"}
          className={
            state.status === "error" ? "text-xs font-medium text-red-700" : "text-xs text-emerald-700"
          }
        >
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
