"use client";

import { ActionStatus } from "@/components/forms/action-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { NOTIFICATION_KIND_LABELS } from "@/lib/notifications/kind-labels";
import type { NotificationKind } from "@/lib/notifications/messages";
import { saveNotificationPreferencesAction } from "./actions";

export type PreferenceGroup = { title: string; items: { kind: NotificationKind; enabled: boolean }[] };

export function PreferencesForm({ groups }: { groups: PreferenceGroup[] }) {
  const { state, formAction, onSubmit, pending } = useFormAction(saveNotificationPreferencesAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-6">
      {groups.map((group) => (
        <fieldset key={group.title} className="flex flex-col gap-3">
          <legend className="mb-2 text-sm font-semibold text-ink-900">{group.title}</legend>
          {group.items.map(({ kind, enabled }) => (
            <label
              key={kind}
              htmlFor={`kind-${kind}`}
              className="flex cursor-pointer items-start gap-3 rounded-lg border border-ink-200 px-4 py-3 hover:bg-ink-50"
            >
              <input
                id={`kind-${kind}`}
                type="checkbox"
                name={kind}
                defaultChecked={enabled}
                className="mt-0.5 size-4 shrink-0 accent-brand-600"
              />
              <span className="flex flex-col">
                <span className="text-sm font-medium text-ink-900">
                  {NOTIFICATION_KIND_LABELS[kind].label}
                </span>
                <span className="text-sm text-ink-600">{NOTIFICATION_KIND_LABELS[kind].description}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ))}
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save preferences"}
        </Button>
        <ActionStatus state={state} />
      </div>
    </form>
  );
}
