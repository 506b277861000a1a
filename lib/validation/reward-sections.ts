// /admin/rewards saves a whole section at once (the milestones, the offers, the catalog…): each rule or
// reward's fields arrive prefixed (`rule-12.bonusPoints`, `item-3.costPoints`) and each group is parsed by
// the same schema as a single rule or reward, so the section form adds no rule of its own.
import { z } from "zod";
import { catalogItemFormSchema } from "./reward-catalog";
import { rewardRuleFormSchema } from "./reward-rules";

const SECTION_MAX = 50;

/** `{"rule-12.days": "365"}` → `{"rule-12": {days: "365"}}`; fields without a known prefix are dropped. */
const groupBy = (prefix: "rule" | "item") => (values: unknown) => {
  if (!values || typeof values !== "object") return values;
  const groups: Record<string, Record<string, unknown>> = {};
  const pattern = new RegExp(`^(${prefix}-[1-9][0-9]{0,9})\\.([A-Za-z0-9]{1,40})$`);
  for (const [key, value] of Object.entries(values)) {
    const m = pattern.exec(key);
    if (m) (groups[m[1]] ??= {})[m[2]] = value;
  }
  return groups;
};

const sized = (n: number) => n > 0 && n <= SECTION_MAX;

/** Existing rules of one section; a group's id must be the rule its prefix names. */
export const rewardRuleSectionSchema = z.preprocess(
  groupBy("rule"),
  z
    .record(z.string(), rewardRuleFormSchema)
    .refine((rules) => sized(Object.keys(rules).length), { error: "Nothing to save in this section" })
    .refine((rules) => Object.entries(rules).every(([key, r]) => key === `rule-${r.ruleId}`), {
      error: "A rule's fields don't match its id. Reload the page and try again.",
    }),
);

/** Existing catalog rewards, saved together. */
export const catalogSectionSchema = z.preprocess(
  groupBy("item"),
  z
    .record(z.string(), catalogItemFormSchema)
    .refine((items) => sized(Object.keys(items).length), { error: "Nothing to save in this section" })
    .refine((items) => Object.entries(items).every(([key, item]) => key === `item-${item.id}`), {
      error: "A reward's fields don't match its id. Reload the page and try again.",
    }),
);
