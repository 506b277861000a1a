import { describe, expect, it } from "vitest";
import {
  allocateOldestFirst,
  doubleSidedConfigSchema,
  expiredLots,
  expiryDateFor,
  milestoneConfigSchema,
  milestoneProgress,
  milestonesReached,
  offerConfigSchema,
  offerProgress,
  referrerPointsFor,
  ruleInForce,
  tierFor,
  tierScheduleConfigSchema,
  type Milestone,
  type Offer,
  type PointsLot,
  type Tier,
} from "./rules";

// The seeds' defaults (db/migrations/0004_reward_defaults.sql).
const tiers: Tier[] = [
  { fromReferral: 1, pointsEach: 50 },
  { fromReferral: 4, pointsEach: 100 },
  { fromReferral: 11, pointsEach: 150 },
];
const milestones: Milestone[] = [
  { referrals: 20, badge: "silver", bonusPoints: 250, unlock: "1 month of Premium free" },
  { referrals: 5, badge: "bronze", bonusPoints: 100, unlock: "Free theme" },
  { referrals: 50, badge: "gold", bonusPoints: 500, unlock: null },
];
const day = 86_400_000;
const at = (iso: string) => new Date(iso);

describe("tiered schedule: referrals 1–3: 50 each, 4–10: 100 each, 11+: 150 each", () => {
  it.each([
    [1, 50, "1–3"],
    [3, 50, "1–3"],
    [4, 100, "4–10"],
    [10, 100, "4–10"],
    [11, 150, "11+"],
    [500, 150, "11+"],
  ])("referral %i pays %i (tier %s)", (ordinal, points, range) => {
    const { tier, toReferral } = tierFor(tiers, ordinal);
    expect(tier.pointsEach).toBe(points);
    expect(`${tier.fromReferral}${toReferral ? `–${toReferral}` : "+"}`).toBe(range);
  });

  it.each([
    // ordinal, double-sided base, tier bonus on top: the total is the schedule's amount
    [1, 50, 0],
    [3, 50, 0],
    [4, 50, 50],
    [10, 50, 50],
    [11, 50, 100],
  ])("referral %i with the +50 double-sided share: base %i + tier bonus %i", (ordinal, base, bonus) => {
    expect(referrerPointsFor(ordinal, { referrerPoints: 50, tiers })).toMatchObject({
      basePoints: base,
      tierBonusPoints: bonus,
    });
  });

  it("labels the tier for the history", () => {
    expect(referrerPointsFor(4, { referrerPoints: 50, tiers }).tierLabel).toBe("4–10: 100 each");
    expect(referrerPointsFor(11, { referrerPoints: 50, tiers }).tierLabel).toBe("11+: 150 each");
  });

  it("without a schedule pays the double-sided share; without the double-sided rule the whole tier", () => {
    expect(referrerPointsFor(11, { referrerPoints: 50, tiers: null })).toEqual({
      basePoints: 50,
      tierBonusPoints: 0,
      tierLabel: null,
    });
    expect(referrerPointsFor(11, { referrerPoints: null, tiers })).toMatchObject({
      basePoints: 0,
      tierBonusPoints: 150,
    });
    // A base above the tier's amount is never clawed back by the schedule.
    expect(referrerPointsFor(1, { referrerPoints: 80, tiers })).toMatchObject({
      basePoints: 80,
      tierBonusPoints: 0,
    });
  });
});

describe("rule windows", () => {
  const window = { isActive: true, startsAt: at("2026-06-01T00:00:00Z"), endsAt: at("2026-06-08T00:00:00Z") };
  it.each([
    ["before the start", "2026-05-31T23:59:59Z", false],
    ["at the start", "2026-06-01T00:00:00Z", true],
    ["inside", "2026-06-05T12:00:00Z", true],
    ["a millisecond before the end", "2026-06-07T23:59:59.999Z", true],
    ["at the end (exclusive)", "2026-06-08T00:00:00Z", false],
  ])("%s → %s", (_label, now, inForce) => {
    expect(ruleInForce(window, at(now))).toBe(inForce);
  });

  it("an inactive rule is never in force; open ends are unbounded", () => {
    expect(ruleInForce({ ...window, isActive: false }, at("2026-06-05T00:00:00Z"))).toBe(false);
    expect(ruleInForce({ isActive: true, startsAt: null, endsAt: null }, at("1999-01-01T00:00:00Z"))).toBe(
      true,
    );
  });
});

describe("offer: refer 3 in 7 days, +500", () => {
  const offer: Offer = {
    referrals: 3,
    withinDays: 7,
    bonusPoints: 500,
    startsAt: at("2026-06-01T00:00:00Z"),
    endsAt: at("2026-06-30T00:00:00Z"),
  };
  const now = at("2026-06-20T12:00:00Z");

  it.each([
    [
      "three inside the last 7 days",
      ["2026-06-14T12:00:00Z", "2026-06-18T00:00:00Z", "2026-06-20T12:00:00Z"],
      3,
      true,
    ],
    [
      "exactly 7 days ago counts",
      ["2026-06-13T12:00:00Z", "2026-06-19T00:00:00Z", "2026-06-20T00:00:00Z"],
      3,
      true,
    ],
    [
      "one a millisecond too old",
      ["2026-06-13T11:59:59.999Z", "2026-06-19T00:00:00Z", "2026-06-20T00:00:00Z"],
      2,
      false,
    ],
    ["only two", ["2026-06-19T00:00:00Z", "2026-06-20T00:00:00Z"], 2, false],
  ])("%s", (_label, times, counted, earned) => {
    expect(offerProgress(offer, times.map(at), now)).toEqual({ counted, needed: 3, earned });
  });

  it("referrals before the offer started do not count, even inside the 7 days", () => {
    const early = { ...offer, startsAt: at("2026-06-19T00:00:00Z") };
    const times = [
      "2026-06-15T00:00:00Z",
      "2026-06-18T23:59:59Z",
      "2026-06-19T00:00:00Z",
      "2026-06-20T00:00:00Z",
    ];
    expect(offerProgress(early, times.map(at), now)).toEqual({ counted: 2, needed: 3, earned: false });
  });
});

describe("milestones: 5 Bronze, 20 Silver, 50 Gold", () => {
  it.each([
    [0, [], null, "bronze", 5],
    [4, [], null, "bronze", 1],
    [5, ["bronze"], "bronze", "silver", 15],
    [19, ["bronze"], "bronze", "silver", 1],
    [20, ["bronze", "silver"], "silver", "gold", 30],
    [49, ["bronze", "silver"], "silver", "gold", 1],
    [50, ["bronze", "silver", "gold"], "gold", null, null],
    [51, ["bronze", "silver", "gold"], "gold", null, null],
  ])("%i referrals → reached %j, current %s, next %s in %s", (count, reached, current, next, remaining) => {
    expect(milestonesReached(milestones, count).map((m) => m.badge)).toEqual(reached);
    const progress = milestoneProgress(milestones, count);
    expect(progress.current?.badge ?? null).toBe(current);
    expect(progress.next?.badge ?? null).toBe(next);
    expect(progress.remaining).toBe(remaining);
  });
});

describe("oldest points first", () => {
  const lot = (id: number, remainingPoints: number, created: string, expires: string | null): PointsLot => ({
    id,
    remainingPoints,
    createdAt: at(created),
    expiresAt: expires ? at(expires) : null,
  });
  const lots = [
    lot(3, 100, "2026-03-01T00:00:00Z", "2027-03-01T00:00:00Z"),
    lot(1, 50, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
    lot(4, 70, "2026-04-01T00:00:00Z", null),
    lot(2, 20, "2026-02-01T00:00:00Z", "2027-02-01T00:00:00Z"),
  ];

  it.each([
    [30, [{ id: 1, takePoints: 30 }]],
    [50, [{ id: 1, takePoints: 50 }]],
    [
      100,
      [
        { id: 1, takePoints: 50 },
        { id: 2, takePoints: 20 },
        { id: 3, takePoints: 30 },
      ],
    ],
    [
      240,
      [
        { id: 1, takePoints: 50 },
        { id: 2, takePoints: 20 },
        { id: 3, takePoints: 100 },
        { id: 4, takePoints: 70 },
      ],
    ],
  ])("spending %i takes the soonest-expiring (oldest) lots first", (points, taken) => {
    expect(allocateOldestFirst(lots, points)).toEqual(taken);
  });

  it("refuses to spend more than the lots hold", () => {
    expect(() => allocateOldestFirst(lots, 241)).toThrow(/240 spendable points, 241 needed/);
  });

  it("ties on expiry go to the older credit, then the lower id", () => {
    const tied = [
      lot(9, 10, "2026-01-02T00:00:00Z", "2027-01-01T00:00:00Z"),
      lot(8, 10, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
      lot(7, 10, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
    ];
    expect(allocateOldestFirst(tied, 25).map((t) => t.id)).toEqual([7, 8, 9]);
  });

  it("expires what is left of lots past their date, oldest first, never the undated ones", () => {
    const spent = lots.map((l) => (l.id === 1 ? { ...l, remainingPoints: 0 } : l));
    expect(expiredLots(spent, at("2027-02-15T00:00:00Z")).map((l) => [l.id, l.remainingPoints])).toEqual([
      [2, 20],
    ]);
    expect(expiredLots(lots, at("2027-03-01T00:00:00Z")).map((l) => l.id)).toEqual([1, 2, 3]);
    expect(expiredLots(lots, at("2030-01-01T00:00:00Z")).map((l) => l.id)).toEqual([1, 2, 3]);
  });

  it("points expire 365 days after they become available", () => {
    expect(expiryDateFor(365, at("2026-06-15T12:00:00Z"))?.toISOString()).toBe("2027-06-15T12:00:00.000Z");
    expect(expiryDateFor(null, at("2026-06-15T12:00:00Z"))).toBeNull();
    expect(
      expiryDateFor(1, at("2026-06-15T12:00:00Z"))!.getTime() - at("2026-06-15T12:00:00Z").getTime(),
    ).toBe(day);
  });
});

describe("config schemas", () => {
  it("accept the seeded defaults", () => {
    expect(doubleSidedConfigSchema.parse({ referrerPoints: 50, newClientPoints: 20 })).toEqual({
      referrerPoints: 50,
      newClientPoints: 20,
    });
    expect(tierScheduleConfigSchema.parse({ tiers })).toEqual({ tiers });
    expect(offerConfigSchema.parse({ referrals: 3, withinDays: 7, bonusPoints: 500 })).toEqual({
      referrals: 3,
      withinDays: 7,
      bonusPoints: 500,
    });
    expect(
      milestoneConfigSchema.parse({ referrals: 5, badge: "bronze", bonusPoints: 100 }).unlock,
    ).toBeNull();
  });

  it.each([
    ["negative points", doubleSidedConfigSchema, { referrerPoints: -1, newClientPoints: 20 }, "at least 0"],
    [
      "fractional points",
      doubleSidedConfigSchema,
      { referrerPoints: 1.5, newClientPoints: 20 },
      "whole number",
    ],
    [
      "a schedule not starting at 1",
      tierScheduleConfigSchema,
      { tiers: [{ fromReferral: 2, pointsEach: 50 }] },
      "referral 1",
    ],
    [
      "tiers out of order",
      tierScheduleConfigSchema,
      {
        tiers: [
          { fromReferral: 1, pointsEach: 50 },
          { fromReferral: 1, pointsEach: 60 },
        ],
      },
      "after the one before",
    ],
    [
      "an offer needing 0 referrals",
      offerConfigSchema,
      { referrals: 0, withinDays: 7, bonusPoints: 500 },
      "at least 1",
    ],
    [
      "an unknown badge",
      milestoneConfigSchema,
      { referrals: 5, badge: "platinum", bonusPoints: 1 },
      "bronze, silver or gold",
    ],
  ])("refuse %s", (_label, schema, config, message) => {
    const result = schema.safeParse(config);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain(message);
  });
});
