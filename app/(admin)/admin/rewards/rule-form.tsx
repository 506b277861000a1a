"use client";

import { useState, type ReactNode } from "react";
import { HiddenFields } from "@/components/forms/hidden-fields";
import { FormMessage } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { useUnsavedChanges } from "@/components/forms/unsaved-changes";
import { saveRuleAction } from "./actions";
import { CheckboxField, SaveButton } from "./form-parts";

export type RuleFormProps = {
  /** The rule kind saveRuleAction parses the fields as. */
  kind: string;
  /** The rule edited; without it the form adds one. */
  ruleId?: number;
  /** Further hidden fields, sent as they are. */
  hidden?: Record<string, string>;
  className?: string;
  /** The on/off checkbox beside the save button. */
  active: { id: string; label?: string; defaultChecked: boolean };
  saveLabel?: string;
  /** The rule's own fields, given the field errors and how many saves have succeeded (a key to clear them). */
  children: (fieldErrors: Record<string, string>, successCount: number) => ReactNode;
};

/**
 * One reward rule's form (the new offer's): posts to saveRuleAction, shows its outcome, ends with "Active"
 * and Save, and warns before leaving with what was typed unsaved.
 */
export function RuleForm({
  kind,
  ruleId,
  hidden = {},
  className = "flex flex-col gap-4",
  active,
  saveLabel,
  children,
}: RuleFormProps) {
  const { state, formAction, onSubmit, pending, successCount } = useFormAction(saveRuleAction);
  const [dirty, setDirty] = useState(false);
  const [saves, setSaves] = useState(successCount);
  if (saves !== successCount) {
    setSaves(successCount);
    setDirty(false);
  }
  useUnsavedChanges(`rule-${kind}-${ruleId ?? "new"}`, dirty);
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      onChange={() => setDirty(true)}
      className={className}
      noValidate
    >
      <input type="hidden" name="kind" value={kind} />
      {ruleId === undefined ? null : <input type="hidden" name="ruleId" value={ruleId} />}
      <HiddenFields values={hidden} />
      <FormMessage state={state} />
      {children(state.fieldErrors ?? {}, successCount)}
      <div className="flex items-center justify-between gap-3">
        <CheckboxField id={active.id} label={active.label} defaultChecked={active.defaultChecked} />
        <SaveButton pending={pending} label={saveLabel} />
      </div>
    </form>
  );
}
