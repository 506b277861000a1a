import type { ActionState } from "@/lib/action-state";

/**
 * A one-line outcome of an action beside its button: an alert when it failed, a status note when it
 * worked. `message` defaults to the state's own.
 */
export function ActionStatus({ state, message = state.message }: { state: ActionState; message?: string }) {
  if (!message || state.status === "idle") return null;
  return (
    <p
      role={state.status === "error" ? "alert" : "status"}
      className={
        state.status === "error" ? "text-sm font-medium text-red-700" : "text-sm font-medium text-emerald-700"
      }
    >
      {message}
    </p>
  );
}
