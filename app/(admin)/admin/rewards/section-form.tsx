"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { FormMessage } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { useUnsavedChanges } from "@/components/forms/unsaved-changes";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ActionState } from "@/lib/action-state";

type ServerAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

// The section's errors by rule or reward (keyed by its field prefix, `rule-12`), for the fields inside.
const SectionErrors = createContext<Record<string, string>>({});

/** The error of one rule or reward of the enclosing section, if its last save refused it. */
export function useSectionError(prefix: string): string | undefined {
  return useContext(SectionErrors)[prefix];
}

/**
 * One section of /admin/rewards as one form with one Save: every rule or reward in it is saved together.
 * Edits not yet saved are said beside the button and guarded against leaving the page.
 */
export function SectionForm({
  id,
  title,
  description,
  action,
  saveLabel = "Save",
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  action: ServerAction;
  saveLabel?: string;
  children: ReactNode;
}) {
  const { state, formAction, onSubmit, pending, successCount } = useFormAction(action);
  const [dirty, setDirty] = useState(false);
  const [saves, setSaves] = useState(successCount);
  if (saves !== successCount) {
    setSaves(successCount);
    setDirty(false);
  }
  useUnsavedChanges(`rewards-${id}`, dirty);
  const errors = state.fieldErrors ?? {};

  return (
    <Card role="region" aria-labelledby={`${id}-heading`}>
      <form
        action={formAction}
        onSubmit={onSubmit}
        onChange={() => setDirty(true)}
        noValidate
        aria-labelledby={`${id}-heading`}
      >
        <CardHeader>
          <CardTitle id={`${id}-heading`} as="h2">
            {title}
          </CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </CardHeader>
        <div className="px-5 pt-4 empty:hidden">
          <FormMessage state={state} />
          {errors.form ? (
            <p role="alert" className="text-sm font-medium text-red-700">
              {errors.form}
            </p>
          ) : null}
        </div>
        <SectionErrors value={errors}>{children}</SectionErrors>
        <div className="flex flex-wrap items-center justify-end gap-3 border-t border-ink-100 px-5 py-3">
          <span className="text-sm text-ink-500" aria-live="polite">
            {dirty ? "Unsaved changes" : ""}
          </span>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : saveLabel}
          </Button>
        </div>
      </form>
    </Card>
  );
}
