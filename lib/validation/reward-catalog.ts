// A catalog reward as the /admin/rewards form submits it (create when `id` is empty, else update).
import { z } from "zod";
import { rewardType } from "@/db/schema/enums";
import { MIN_REDEEM_POINTS, POINTS_MAX } from "@/lib/rewards/rules";
import { text } from "./fields";
import { idParam } from "./referral-codes";
import { checkbox } from "./reward-rules";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const wholeNumber = (v: unknown) => (typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : blank(v));

export const catalogItemFormSchema = z
  .object({
    id: z.preprocess(blank, idParam("Reward id").optional()),
    name: text("Name", {
      min: 2,
      max: 80,
      messages: {
        type: "Name the reward",
        required: "Name the reward",
        tooLong: "Keep the name under 80 characters",
      },
    }),
    description: z.preprocess(
      blank,
      text("Description", {
        min: 0,
        max: 300,
        multiline: true,
        messages: { tooLong: "Keep the description under 300 characters" },
      }).optional(),
    ),
    costPoints: z.preprocess(
      wholeNumber,
      z
        .number({ error: "Cost must be a whole number of points" })
        .int({ error: "Cost must be a whole number of points" })
        .min(MIN_REDEEM_POINTS, { error: `A reward costs at least ${MIN_REDEEM_POINTS} points` })
        .max(POINTS_MAX, { error: "Cost is too large" }),
    ),
    rewardType: z.enum(rewardType.enumValues, { error: "Choose what the reward is" }),
    rewardValue: z.preprocess(
      wholeNumber,
      z
        .number({ error: "Discount must be a whole percentage" })
        .int({ error: "Discount must be a whole percentage" })
        .min(1, { error: "Discount must be 1–100%" })
        .max(100, { error: "Discount must be 1–100%" })
        .optional(),
    ),
    isActive: checkbox,
    sortOrder: z.preprocess(wholeNumber, z.number().int().min(0).max(1000).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.rewardType === "discount_percent" && v.rewardValue === undefined) {
      ctx.addIssue({ code: "custom", path: ["rewardValue"], message: "Give the discount in percent" });
    }
  })
  .transform((v) => ({
    ...v,
    description: v.description ?? null,
    rewardValue: v.rewardType === "discount_percent" ? v.rewardValue! : null,
  }));
export type CatalogItemForm = z.output<typeof catalogItemFormSchema>;
