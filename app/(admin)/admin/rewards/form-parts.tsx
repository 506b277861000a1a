"use client";

import { Button } from "@/components/ui/button";

/** "Active" (or another on/off setting) as a checkbox that submits "on". */
export function CheckboxField({
  id,
  name = "isActive",
  label = "Active",
  defaultChecked,
}: {
  id: string;
  name?: string;
  label?: string;
  defaultChecked: boolean;
}) {
  return (
    <label htmlFor={id} className="inline-flex items-center gap-2 text-sm font-medium text-ink-800">
      <input
        id={id}
        name={name}
        type="checkbox"
        defaultChecked={defaultChecked}
        className="size-4 rounded border-ink-300 accent-brand-600"
      />
      {label}
    </label>
  );
}

export function SaveButton({ pending, label = "Save" }: { pending: boolean; label?: string }) {
  return (
    <Button type="submit" size="sm" disabled={pending}>
      {pending ? "Saving…" : label}
    </Button>
  );
}

/** `2026-07-01` for a date input (UTC). */
export function dateInputValue(date: Date | null | undefined, minusDays = 0): string {
  if (!date) return "";
  return new Date(date.getTime() - minusDays * 86_400_000).toISOString().slice(0, 10);
}
