"use client";

import type { ActionState } from "@/lib/action-state";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
import { ActionStatus } from "./action-status";
import { HiddenFields } from "./hidden-fields";
import { useFormAction } from "./use-form-action";

export type ConfirmActionButtonProps = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  /** Asked with window.confirm before anything is sent; "Cancel" sends nothing. */
  confirm: string;
  /** The hidden fields the action is sent. */
  fields: Record<string, string | number>;
  label: string;
  pendingLabel: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
};

/** One button that runs an action after the browser's confirm dialog, and says so if it failed. */
export function ConfirmActionButton({
  action,
  confirm,
  fields,
  label,
  pendingLabel,
  variant,
  size,
}: ConfirmActionButtonProps) {
  const { state, formAction, onSubmit, pending } = useFormAction(action);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(confirm)) {
          event.preventDefault();
          return;
        }
        onSubmit(event);
      }}
      className="flex flex-col items-end gap-1"
    >
      <HiddenFields values={fields} />
      <Button type="submit" variant={variant} size={size} disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
      {state.status === "error" ? <ActionStatus state={state} /> : null}
    </form>
  );
}
