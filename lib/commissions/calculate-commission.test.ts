import { describe, expect, it } from "vitest";
import {
  applyRate,
  bpsLabel,
  calculateCommission,
  isCampaignRunning,
  multiplierLabel,
  proportion,
  tierMultiplier,
  wholeMonthsBetween,
  type CampaignTerms,
  type CommissionInput,
} from "./calculate-commission";

const at = new Date("2025-12-01T12:00:00Z");

// The seed's campaign: "Holiday 2025 Bonus", 20% from 2025-11-01 00:00:00 to 2025-12-31 23:59:59.
const holiday: CampaignTerms = {
  id: 7,
  campaignName: "Holiday 2025",
  commissionType: "percentage",
  commissionValue: 2000,
  tiers: null,
  bonusThreshold: null,
  bonusAmountCents: null,
  startsAt: new Date("2025-11-01T00:00:00Z"),
  endsAt: new Date("2025-12-31T23:59:59Z"),
  isActive: true,
};

function input(overrides: Partial<CommissionInput> = {}): CommissionInput {
  return {
    paymentCents: 3995,
    occurredAt: at,
    qualifiedReferrals: 1,
    campaign: null,
    campaignBonusPaid: false,
    partnerOverrideBps: null,
    retention: null,
    ...overrides,
  };
}

const amounts = (i: CommissionInput) =>
  Object.fromEntries(calculateCommission(i).map((line) => [line.level, line.amountCents]));

describe("the seed's worked examples", () => {
  it.each([
    ["3995¢ at the base 10%", input(), { direct: 399 }],
    ["3995¢ with 75 referrals (×1.25)", input({ qualifiedReferrals: 75 }), { direct: 499 }],
    ["3995¢ in Holiday 2025 at 20%", input({ campaign: holiday }), { direct: 799 }],
    [
      "3995¢ in Holiday 2025 with 75 referrals (20% × 1.25 = 25%)",
      input({ campaign: holiday, qualifiedReferrals: 75 }),
      { direct: 998 },
    ],
    ["3995¢: 10% direct + 3% partner", input({ partnerOverrideBps: 300 }), { direct: 399, partner: 119 }],
  ])("%s", (_label, i, expected) => {
    expect(amounts(i)).toEqual(expected);
  });

  it("rounds once at the end: 3995 × 10% × 1.25 = 499.375 → 499, not trunc(399.5) × 1.25 = 498", () => {
    const [line] = calculateCommission(input({ qualifiedReferrals: 75 }));
    expect(line).toMatchObject({ level: "direct", amountCents: 499, rateBps: 1250, campaignId: null });
    expect(line.note).toBe("Base 10% ×1.25 (75 qualified referrals)");
  });
});

describe("tier multiplier by qualified referrals", () => {
  it.each([
    [0, 10_000, 399],
    [24, 10_000, 399],
    [25, 11_000, 439], // 439.45
    [49, 11_000, 439],
    [50, 12_500, 499], // 499.375
    [99, 12_500, 499],
    [100, 15_000, 599], // 599.25
    [5000, 15_000, 599],
  ])("%i referrals → ×%i/10000 → %i¢ on 3995¢", (referrals, multiplier, cents) => {
    expect(tierMultiplier(referrals)).toBe(multiplier);
    expect(amounts(input({ qualifiedReferrals: referrals }))).toEqual({ direct: cents });
  });
});

describe("rounding toward zero, once", () => {
  it.each([
    [9, 0], // 0.9¢ → nothing, and a 0¢ line is left out
    [10, 1],
    [19, 1],
    [1999, 199],
    [3995, 399],
    [2_147_483_647, 214_748_364],
  ])("%i¢ at 10% → %i¢", (payment, cents) => {
    const lines = calculateCommission(input({ paymentCents: payment }));
    expect(lines.reduce((sum, l) => sum + l.amountCents, 0)).toBe(cents);
    if (cents === 0) expect(lines).toEqual([]);
  });

  it("stays exact where floating point would not (2^31−1 cents × 10% × 1.5)", () => {
    expect(applyRate(2_147_483_647, 1000, 15_000)).toBe(322_122_547); // 322122547.05
    expect(applyRate(2_147_483_647, 10_000, 15_000)).toBe(3_221_225_470); // beyond int4, still exact
  });

  it("proportional shares truncate toward zero", () => {
    expect(proportion(399, 1598, 3995)).toBe(159); // 40% of 399 = 159.6
    expect(proportion(399, 3995, 3995)).toBe(399);
    expect(proportion(1000, 4000, 10_000)).toBe(400);
  });

  it("refuses fractional or negative cents instead of guessing", () => {
    expect(() => calculateCommission(input({ paymentCents: 39.95 }))).toThrow(RangeError);
    expect(() => calculateCommission(input({ paymentCents: -1 }))).toThrow(RangeError);
  });
});

describe("campaign window edges (both ends inclusive)", () => {
  const start = holiday.startsAt!.getTime();
  const end = holiday.endsAt!.getTime();
  it.each([
    ["1 ms before the start", new Date(start - 1), 399],
    ["exactly at the start", new Date(start), 799],
    ["inside", at, 799],
    ["exactly at the end (the window is [start, end))", new Date(end), 399],
    ["1 ms after the end", new Date(end + 1), 399],
  ])("%s → %i¢", (_label, occurredAt, cents) => {
    expect(amounts(input({ campaign: holiday, occurredAt }))).toEqual({ direct: cents });
  });

  it("a switched-off (ended) campaign is ignored; open-ended windows run", () => {
    expect(amounts(input({ campaign: { ...holiday, isActive: false } }))).toEqual({ direct: 399 });
    const open = { ...holiday, startsAt: null, endsAt: null };
    expect(isCampaignRunning(open, new Date("2040-01-01T00:00:00Z"))).toBe(true);
    expect(amounts(input({ campaign: open, occurredAt: new Date("1999-01-01T00:00:00Z") }))).toEqual({
      direct: 799,
    });
  });

  it("names the campaign on the line", () => {
    const [line] = calculateCommission(input({ campaign: holiday }));
    expect(line).toMatchObject({ campaignId: 7, rateBps: 2000, note: "Holiday 2025: 20%" });
  });
});

describe("campaign types", () => {
  it("flat_rate pays its amount per payment, without the tier multiplier", () => {
    const flat = { ...holiday, commissionType: "flat_rate" as const, commissionValue: 500 };
    expect(amounts(input({ campaign: flat }))).toEqual({ direct: 500 });
    expect(amounts(input({ campaign: flat, qualifiedReferrals: 120, paymentCents: 1995 }))).toEqual({
      direct: 500,
    });
    expect(calculateCommission(input({ campaign: flat }))[0].rateBps).toBeNull();
  });

  it.each([
    [10, 1200, 479], // below the first tier: the campaign's own value, 12% of 3995 = 479.4
    [25, 1500, 599], // 599.25
    [49, 1500, 599],
    [60, 2000, 799],
  ])("tier_based at %i referrals → %i bps → %i¢ (no extra multiplier)", (referrals, rate, cents) => {
    const tiered: CampaignTerms = {
      ...holiday,
      commissionType: "tier_based",
      commissionValue: 1200,
      tiers: [
        { minReferrals: 50, rateBps: 2000 },
        { minReferrals: 25, rateBps: 1500 },
      ],
    };
    const [line] = calculateCommission(input({ campaign: tiered, qualifiedReferrals: referrals }));
    expect(line).toMatchObject({ amountCents: cents, rateBps: rate });
  });
});

describe("one-time campaign bonus", () => {
  const withBonus = { ...holiday, bonusThreshold: 25, bonusAmountCents: 5000 };
  it.each([
    ["below the threshold (24: 20%)", { qualifiedReferrals: 24 }, { direct: 799 }],
    // 25 referrals: 20% × 1.1 = 22% of 3995 = 878.9 → 878, and the bonus.
    ["at the threshold (25)", { qualifiedReferrals: 25 }, { direct: 878, bonus: 5000 }],
    ["already paid", { qualifiedReferrals: 30, campaignBonusPaid: true }, { direct: 878 }],
    [
      "outside the campaign window (base 10% × 1.1)",
      { qualifiedReferrals: 30, occurredAt: new Date("2026-02-01T00:00:00Z") },
      { direct: 439 },
    ],
  ])("%s", (_label, overrides, expected) => {
    expect(amounts(input({ campaign: withBonus, ...overrides }))).toEqual(expected);
  });
});

describe("partner override and retention bonus", () => {
  it("the partner's share is of the payment, not of the referrer's commission", () => {
    expect(amounts(input({ partnerOverrideBps: 300, qualifiedReferrals: 120, campaign: holiday }))).toEqual({
      direct: 1198, // 20% × 1.5 = 30% of 3995 = 1198.5
      partner: 119,
    });
    expect(amounts(input({ partnerOverrideBps: 0 }))).toEqual({ direct: 399 });
  });

  it.each([
    ["off (0 months)", { requiredMonths: 0, monthsContinuous: 24 }, undefined],
    ["not yet (5 of 6 months)", { requiredMonths: 6, monthsContinuous: 5 }, undefined],
    ["reached (6 of 6)", { requiredMonths: 6, monthsContinuous: 6 }, 2500],
    ["already paid", { requiredMonths: 6, monthsContinuous: 9, alreadyPaid: true }, undefined],
  ])("retention %s", (_label, r, expected) => {
    const retention = { bonusCents: 2500, alreadyPaid: false, ...r };
    expect(amounts(input({ retention })).retention).toBe(expected);
  });
});

describe("helpers", () => {
  it.each([
    ["2025-01-15T00:00:00Z", "2025-02-14T23:59:59Z", 0],
    ["2025-01-15T00:00:00Z", "2025-02-15T00:00:00Z", 1],
    ["2025-01-31T00:00:00Z", "2025-02-28T00:00:00Z", 0],
    ["2025-01-31T00:00:00Z", "2025-03-31T00:00:00Z", 2],
    ["2024-06-01T00:00:00Z", "2025-06-01T00:00:00Z", 12],
    ["2025-06-01T00:00:00Z", "2025-05-01T00:00:00Z", 0],
  ])("whole months from %s to %s = %i", (since, until, months) => {
    expect(wholeMonthsBetween(new Date(since), new Date(until))).toBe(months);
  });

  it("labels rates and multipliers without floating point", () => {
    expect([bpsLabel(1000), bpsLabel(1250), bpsLabel(300), bpsLabel(5), bpsLabel(2000)]).toEqual([
      "10%",
      "12.5%",
      "3%",
      "0.05%",
      "20%",
    ]);
    expect([multiplierLabel(11_000), multiplierLabel(12_500), multiplierLabel(15_000)]).toEqual([
      "×1.1",
      "×1.25",
      "×1.5",
    ]);
  });
});
