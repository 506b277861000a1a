"use client";

import { useState } from "react";
import { FormMessage, NumberField, SelectField, TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { saveCatalogItemAction } from "./actions";
import { CheckboxField, SaveButton } from "./form-parts";

type RewardType = "discount_percent" | "free_product" | "lifetime_premium";

export type CatalogFormProps = {
  item?: {
    id: number;
    name: string;
    description: string | null;
    costPoints: number;
    rewardType: RewardType;
    rewardValue: number | null;
    isActive: boolean;
    redemptions: number;
  };
};

const typeLabels: Record<RewardType, string> = {
  discount_percent: "Discount (%)",
  free_product: "Free product",
  lifetime_premium: "Lifetime premium",
};

/** Edit a catalog reward, or (without `item`) add one. Rewards are retired by unticking Active. */
export function CatalogItemForm({ item }: CatalogFormProps) {
  const { state, formAction, onSubmit, pending, successCount } = useFormAction(saveCatalogItemAction);
  const err = state.fieldErrors ?? {};
  const p = item ? `reward-${item.id}` : "reward-new";
  const [type, setType] = useState<RewardType>(item?.rewardType ?? "discount_percent");
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-3 px-5 py-4" noValidate>
      {item ? <input type="hidden" name="id" value={item.id} /> : null}
      <FormMessage state={state} />
      <div key={item ? "edit" : successCount} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6">
        <div className="sm:col-span-2">
          <TextField
            id={`${p}-name`}
            name="name"
            label="Name"
            defaultValue={item?.name ?? ""}
            maxLength={80}
            error={err.name}
          />
        </div>
        <NumberField
          id={`${p}-cost`}
          name="costPoints"
          label="Cost (points)"
          min={100}
          defaultValue={item?.costPoints ?? ""}
          error={err.costPoints}
        />
        <SelectField
          id={`${p}-type`}
          name="rewardType"
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
          name="rewardValue"
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
            name="description"
            label="Description (optional)"
            defaultValue={item?.description ?? ""}
            maxLength={300}
            error={err.description}
          />
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-4">
          <CheckboxField id={`${p}-active`} defaultChecked={item?.isActive ?? true} />
          {item ? (
            <span className="text-xs text-ink-500">
              Redeemed {item.redemptions} time{item.redemptions === 1 ? "" : "s"}
            </span>
          ) : null}
        </div>
        <SaveButton pending={pending} label={item ? "Save" : "Add reward"} />
      </div>
    </form>
  );
}
