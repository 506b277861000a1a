"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { idleState, type ActionState } from "@/lib/action-state";

type ServerAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * A server action bound to a form that keeps what the user typed when the action refuses it.
 * React resets a form after an `action` submission, which would wipe every field (and a <select>'s
 * choice) on a validation error; submitting through onSubmit avoids that. `action` stays on the
 * form too, so it still works before JavaScript has loaded.
 *
 * `successCount` goes up after each success: use it as the `key` of the fields to clear them then.
 */
export function useFormAction(serverAction: ServerAction) {
  const [state, formAction, pending] = useActionState(serverAction, idleState);
  const [seen, setSeen] = useState(state);
  const [successCount, setSuccessCount] = useState(0);
  if (state !== seen) {
    // Adjusting state while rendering (not in an effect): React re-renders once with both updates.
    setSeen(state);
    if (state.status === "success") setSuccessCount((n) => n + 1);
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };
  return { state, formAction, onSubmit, pending, successCount };
}
