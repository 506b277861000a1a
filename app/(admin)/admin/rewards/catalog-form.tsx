"use client";

import { useState } from "react";
import { FormMessage, NumberField, SelectField, TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { useUnsavedChanges } from "@/components/forms/unsaved-changes";
import { FieldError } from "@/components/ui/input";
import { saveCatalogItemAction } from "./actions";
import { CheckboxField, SaveButton } from "./form-parts";
import { useSectionError } from "./section-form";

type RewardType = "discount_percent" | "free_product" | "lifetime_premium";

export type CatalogItem = {
  id: number;
  name: string;
  description: string | null;
  costPoints: number;
  rewardType: RewardType;
  rewardValue: number | null;
  isActive: boolean;
  redemptions: number;
};

const typeLabels: Record<RewardType, string> = {
  discount_percent: "Discount (%)",
  free_product: "Free product",
  lifetime_premium: "Lifetime premium",
};

/** A reward's fields; `name` prefixes them when several rewards share one form. */
function CatalogFields({
  item,
  name,
  err = {},
}: {
  item?: CatalogItem;
  name: (field: string) => string;
  err?: Record<string, string>;
}) {
  const p = item ? `reward-${item.id}` : "reward-new";
  const [type, setType] = useState<RewardType>(item?.rewardType ?? "discount_percent");
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6">
      <div className="sm:col-span-2">
        <TextField
          id={`${p}-name`}
          name={name("name")}
          label="Name"
          defaultValue={item?.name ?? ""}
          maxLength={80}
          error={err.name}
        />
      </div>
      <NumberField
        id={`${p}-cost`}
        name={name("costPoints")}
        label="Cost (points)"
        min={100}
        defaultValue={item?.costPoints ?? ""}
        error={err.costPoints}
      />
      <SelectField
        id={`${p}-type`}
        name={name("rewardType")}
        label="Type"
        value={type}
        onChange={(e) => setType(e.target.value as RewardType)}
        error={err.rewardType}
      >
        {Object.entries(typeLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <NumberField
        id={`${p}-value`}
        name={name("rewardValue")}
        label="Discount %"
        min={1}
        max={100}
        disabled={type !== "discount_percent"}
        defaultValue={item?.rewardValue ?? ""}
        error={err.rewardValue}
      />
      <div className="hidden lg:block" />
      <div className="sm:col-span-2 lg:col-span-6">
        <TextField
          id={`${p}-description`}
          name={name("description")}
          label="Description (optional)"
          defaultValue={item?.description ?? ""}
          maxLength={300}
          error={err.description}
        />
      </div>
    </div>
  );
}

/** An existing reward inside the Catalog section (saved with the others). Retired by unticking Active. */
export function CatalogSectionFields({ item }: { item: CatalogItem }) {
  const p = `item-${item.id}`;
  const error = useSectionError(p);
  const name = (field: string) => `${p}.${field}`;
  return (
    <fieldset className="flex flex-col gap-3 px-5 py-4" aria-label={item.name}>
      <input type="hidden" name={name("id")} value={item.id} />
      <FieldError id={`${p}-error`}>{error}</FieldError>
      <CatalogFields item={item} name={name} />
      <div className="flex flex-wrap items-center gap-4">
        <CheckboxField
          id={`reward-${item.id}-active`}
          name={name("isActive")}
          defaultChecked={item.isActive}
        />
        <span className="text-xs text-ink-500">
          Redeemed {item.redemptions} time{item.redemptions === 1 ? "" : "s"}
        </span>
      </div>
    </fieldset>
  );
}

/** A new reward: its own form, since adding one is not an edit of the section. */
export function NewCatalogItemForm() {
  const { state, formAction, onSubmit, pending, successCount } = useFormAction(saveCatalogItemAction);
  const [dirty, setDirty] = useState(false);
  const [saves, setSaves] = useState(successCount);
  if (saves !== successCount) {
    setSaves(successCount);
    setDirty(false);
  }
  useUnsavedChanges("rewards-new-item", dirty);
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      onChange={() => setDirty(true)}
      className="flex flex-col gap-3 px-5 py-4"
      noValidate
    >
      <FormMessage state={state} />
      <div key={successCount}>
        <CatalogFields name={(field) => field} err={state.fieldErrors ?? {}} />
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <CheckboxField id="reward-new-active" defaultChecked />
        <SaveButton pending={pending} label="Add reward" />
      </div>
    </form>
  );
}
