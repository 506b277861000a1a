"use client";

import type { ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { HiddenFields } from "./hidden-fields";
import type { useFormAction } from "./use-form-action";

export type ConfirmPanelProps = {
  /** The form's action, from useFormAction. */
  form: Pick<ReturnType<typeof useFormAction>, "formAction" | "onSubmit" | "pending">;
  /** The hidden fields the action is sent. */
  fields: Record<string, string | number>;
  /** What will happen, asked as a question. */
  question: ReactNode;
  confirmLabel: string;
  confirmVariant?: ButtonVariant;
  onCancel: () => void;
};

/** The confirm step of a bulk action: says what will happen, then "Yes, …" submits and Cancel closes it. */
export function ConfirmPanel({
  form: { formAction, onSubmit, pending },
  fields,
  question,
  confirmLabel,
  confirmVariant,
  onCancel,
}: ConfirmPanelProps) {
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      className="flex flex-wrap items-center gap-3 rounded-lg border border-ink-200 bg-ink-50 p-3"
    >
      <HiddenFields values={fields} />
      <p className="text-sm text-ink-900" role="status">
        {question}
      </p>
      <div className="ml-auto flex gap-2">
        <Button type="submit" size="sm" variant={confirmVariant} disabled={pending}>
          {pending ? "Working…" : confirmLabel}
        </Button>
        <Button size="sm" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
