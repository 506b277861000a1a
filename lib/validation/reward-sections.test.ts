import { describe, expect, it } from "vitest";
import { fieldErrors } from "./issues";
import { catalogSectionSchema, rewardRuleSectionSchema } from "./reward-sections";

describe("rewardRuleSectionSchema", () => {
  it("groups a section's prefixed fields into one rule change each, parsed by the rule schema", () => {
    const parsed = rewardRuleSectionSchema.parse({
      "rule-4.kind": "expiry",
      "rule-4.ruleId": "4",
      "rule-4.isActive": "on",
      "rule-4.days": "365",
      "rule-7.kind": "qualifying_activity",
      "rule-7.ruleId": "7",
      stray: "ignored",
    });
    expect(parsed).toEqual({
      "rule-4": { kind: "expiry", ruleId: 4, isActive: true, config: { days: 365 } },
      "rule-7": {
        kind: "qualifying_activity",
        ruleId: 7,
        isActive: false,
        config: { event: "first_payment" },
      },
    });
  });

  it("puts a rule's error under that rule, and refuses a group whose id is another rule's", () => {
    const bad = rewardRuleSectionSchema.safeParse({
      "rule-4.kind": "expiry",
      "rule-4.ruleId": "4",
      "rule-4.days": "0",
    });
    expect(bad.success).toBe(false);
    expect(Object.keys(fieldErrors(bad.error!))).toEqual(["rule-4"]);
    const swapped = rewardRuleSectionSchema.safeParse({
      "rule-4.kind": "expiry",
      "rule-4.ruleId": "5",
      "rule-4.days": "30",
    });
    expect(swapped.success).toBe(false);
    expect(rewardRuleSectionSchema.safeParse({}).success).toBe(false);
  });
});

describe("catalogSectionSchema", () => {
  it("parses every reward of the section and keeps the 100-point minimum", () => {
    const ok = catalogSectionSchema.parse({
      "item-2.id": "2",
      "item-2.name": "Free month",
      "item-2.costPoints": "300",
      "item-2.rewardType": "free_product",
    });
    expect(ok["item-2"]).toMatchObject({ id: 2, name: "Free month", costPoints: 300, isActive: false });
    const cheap = catalogSectionSchema.safeParse({
      "item-2.id": "2",
      "item-2.name": "Free month",
      "item-2.costPoints": "50",
      "item-2.rewardType": "free_product",
    });
    expect(cheap.success).toBe(false);
    expect(fieldErrors(cheap.error!)["item-2"]).toBe("A reward costs at least 100 points");
  });
});
