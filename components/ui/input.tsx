import type { ComponentPropsWithRef, ReactNode } from "react";
import { cn } from "./cn";

const fieldBase =
  "block w-full rounded-lg border border-ink-300 bg-white px-3 text-sm text-ink-900 shadow-sm " +
  "placeholder:text-ink-400 transition-colors " +
  "focus:border-brand-600 focus:ring-2 focus:ring-brand-600/20 focus:outline-none focus-visible:outline-none " +
  "disabled:cursor-not-allowed disabled:bg-ink-100 disabled:text-ink-500 " +
  "aria-[invalid=true]:border-red-500 aria-[invalid=true]:focus:border-red-600 aria-[invalid=true]:focus:ring-red-600/20";

export type InputProps = ComponentPropsWithRef<"input">;

/** A text-like input. Mark errors with `aria-invalid` and point `aria-describedby` at the FieldError. */
export function Input({ className, ...props }: InputProps) {
  return <input className={cn(fieldBase, "h-10", className)} {...props} />;
}

export type TextareaProps = ComponentPropsWithRef<"textarea">;

export function Textarea({ className, ...props }: TextareaProps) {
  return <textarea className={cn(fieldBase, "min-h-24 py-2", className)} {...props} />;
}

export type SelectProps = ComponentPropsWithRef<"select">;

export function Select({ className, ...props }: SelectProps) {
  return <select className={cn(fieldBase, "h-10 pr-8", className)} {...props} />;
}

export type LabelProps = ComponentPropsWithRef<"label">;

export function Label({ className, ...props }: LabelProps) {
  return <label className={cn("block text-sm font-medium text-ink-800", className)} {...props} />;
}

export type FieldHintProps = ComponentPropsWithRef<"p">;

/** Help text under a field; give it an id and list that id in the input's `aria-describedby`. */
export function FieldHint({ className, ...props }: FieldHintProps) {
  return <p className={cn("text-sm text-ink-500", className)} {...props} />;
}

export type FieldErrorProps = { id?: string; className?: string; children?: ReactNode };

/**
 * The error under a field, announced when it appears. Renders nothing without a message, so it can
 * always be placed: `<FieldError id="email-error">{errors.email}</FieldError>`.
 */
export function FieldError({ id, className, children }: FieldErrorProps) {
  if (children === undefined || children === null || children === false || children === "") return null;
  return (
    <p id={id} role="alert" aria-live="polite" className={cn("text-sm font-medium text-red-700", className)}>
      {children}
    </p>
  );
}
