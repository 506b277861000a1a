import type { ReactNode } from "react";
import {
  FieldError,
  FieldHint,
  Input,
  Label,
  Select,
  type InputProps,
  type SelectProps,
} from "@/components/ui/input";
import type { ActionState } from "@/lib/action-state";

type FieldProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Defaults to `name`; set it when one page shows the same field twice. */
  id?: string;
};

export type TextFieldProps = Omit<InputProps, "id" | "name"> & FieldProps;
export type SelectFieldProps = Omit<SelectProps, "id" | "name"> & FieldProps;

/** Label above, hint and error below, the control wired to both for screen readers. */
function Field({
  id,
  label,
  hint,
  error,
  children,
}: Omit<FieldProps, "name" | "id"> & { id: string; children: (aria: FieldAria) => ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children({ "aria-invalid": Boolean(error), "aria-describedby": describedBy || undefined })}
      {hint ? <FieldHint id={`${id}-hint`}>{hint}</FieldHint> : null}
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  );
}

type FieldAria = { "aria-invalid": boolean; "aria-describedby": string | undefined };

/** A labelled input with its hint and its error, wired for screen readers (aria-invalid, aria-describedby). */
export function TextField({ name, label, hint, error, id = name, ...inputProps }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(aria) => <Input id={id} name={name} {...aria} {...inputProps} />}
    </Field>
  );
}

/** A TextField for a whole number: `type="number"` with the numeric keypad on phones. */
export function NumberField(props: Omit<TextFieldProps, "type" | "inputMode">) {
  return <TextField type="number" inputMode="numeric" {...props} />;
}

/** TextField's twin for a `<select>`; the options are its children. */
export function SelectField({ name, label, hint, error, id = name, ...selectProps }: SelectFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(aria) => <Select id={id} name={name} {...aria} {...selectProps} />}
    </Field>
  );
}

/** The form-level outcome: a success note, or an error that no single field owns. */
export function FormMessage({ state }: { state: ActionState }) {
  const fieldOwned = Boolean(state.fieldErrors && Object.keys(state.fieldErrors).length);
  return (
    <div aria-live="polite">
      {state.status === "success" && state.message ? (
        <p className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-800">
          {state.message}
        </p>
      ) : null}
      {state.status === "error" && state.message && !fieldOwned ? (
        <p
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm font-medium text-red-800"
        >
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
