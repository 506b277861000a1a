"use client";

import { FormMessage } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { leaderboardOptInAction } from "./actions";

/** Show my name (opted in) or my initials (the default) on the leaderboard. */
export function OptInForm({ optIn, maskedName, name }: { optIn: boolean; maskedName: string; name: string }) {
  const { state, formAction, onSubmit, pending } = useFormAction(leaderboardOptInAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <label className="flex items-start gap-3 text-sm text-ink-800">
        <input
          type="checkbox"
          name="optIn"
          defaultChecked={optIn}
          className="mt-0.5 size-4 shrink-0 rounded border-ink-300 accent-brand-600"
        />
        <span>
          Show my name (<span className="font-medium">{name}</span>) instead of{" "}
          <span className="font-medium">{maskedName}</span>
        </span>
      </label>
      <div>
        <Button type="submit" variant="secondary" size="sm" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
