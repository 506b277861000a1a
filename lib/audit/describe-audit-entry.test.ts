import { readFileSync } from "node:fs";
import { execSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import {
  AUDIT_ACTIONS,
  describeAuditEntry,
  describedActions,
  type AuditEntryFacts,
} from "./describe-audit-entry";

const ada = (details: Record<string, unknown>, more: Partial<AuditEntryFacts> = {}): AuditEntryFacts => ({
  actor: "Ada",
  entityType: "x",
  entityId: "7",
  details,
  subject: null,
  ...more,
});

// Worked examples, one (or more) per action the app writes.
const examples: [string, AuditEntryFacts, string, [string, string, string][]?][] = [
  [
    "payout_batch.created",
    ada({ lines: 3, totalCents: 11834, minimumCents: 5000 }),
    "Ada created payout batch #7: 3 payouts totalling $118.34 (minimum $50.00 a referrer)",
  ],
  [
    "payout_batch.paid",
    ada({ reference: "WIRE-12", totalCents: 11834 }),
    "Ada marked payout batch #7 paid: $118.34, reference “WIRE-12”",
  ],
  [
    "payout_batch.canceled",
    ada({ totalCents: 250000 }),
    "Ada canceled payout batch #7 of $2,500.00; its commissions went back to the approved balances",
  ],
  [
    "commissions.approve_due",
    ada({ approved: 3, via: "admin" }),
    "Ada approved 3 commissions whose hold had ended",
  ],
  [
    "commissions.approve_due",
    ada({ approved: 1, via: "timer" }, { actor: "The system" }),
    "The daily job approved 1 commission whose hold had ended",
  ],
  [
    "commissions.approve_due",
    ada({ approved: 0, via: "admin" }),
    "Ada ran the approval; no commission had finished its hold",
  ],
  [
    "referral.commissions_released",
    ada({ approvedNow: 2, stillOnHold: 1 }),
    "Ada released the commissions of referral #7: 2 commissions approved now, 1 still on hold",
  ],
  [
    "referral.commissions_rejected",
    ada({ rejected: 2, clawedBackCents: 399 }),
    "Ada rejected 2 commissions of referral #7 and clawed back $3.99 already paid",
  ],
  [
    "referral.approved",
    ada({
      commissions: { approvedNow: 1, stillOnHold: 0 },
      points: { releasedPoints: 70, stillPendingPoints: 0, badges: ["bronze"] },
    }),
    "Ada approved flagged referral #7: 1 commission released, 70 points released and bronze badge earned",
  ],
  [
    "referral.rejected",
    ada({ commissions: { rejected: 1, clawedBackCents: 0 }, points: { voidedPoints: 70 } }),
    "Ada rejected flagged referral #7 as fraud: 1 commission rejected and 70 held points voided",
  ],
  [
    "settings.commissions_updated",
    ada({
      before: {
        commissionHoldDays: 30,
        minimumPayoutCents: 5000,
        retentionBonusMonths: 12,
        retentionBonusCents: 0,
      },
      after: {
        commissionHoldDays: 45,
        minimumPayoutCents: 2500,
        retentionBonusMonths: 12,
        retentionBonusCents: 0,
      },
    }),
    "Ada changed the commission settings (hold period and minimum payout)",
    [
      ["Hold period", "30 days", "45 days"],
      ["Minimum payout", "$50.00", "$25.00"],
    ],
  ],
  [
    "campaign.created",
    ada({
      campaignName: "Holiday 2025",
      commissionType: "percentage",
      commissionValue: 2000,
      startsAt: "2025-12-01T00:00:00.000Z",
      endsAt: "2026-01-01T00:00:00.000Z",
    }),
    "Ada created campaign “Holiday 2025”: 20.0% of each payment, from Dec 1, 2025 until Jan 1, 2026",
  ],
  [
    "campaign.updated",
    ada({
      before: {
        campaignName: "Holiday 2025",
        commissionType: "percentage",
        commissionValue: 2000,
        bonusAmountCents: null,
      },
      after: {
        campaignName: "Holiday 2025",
        commissionType: "percentage",
        commissionValue: 2500,
        bonusAmountCents: 1000,
      },
    }),
    "Ada updated campaign “Holiday 2025”",
    [
      ["Rate or amount", "20.0% of each payment", "25.0% of each payment"],
      ["Bonus", "none", "$10.00"],
    ],
  ],
  [
    "campaign.ended",
    ada({ endsAt: "2026-12-03T06:00:00.000Z" }),
    "Ada ended campaign #7; it applies until Dec 3, 2026",
  ],
  [
    "campaign.codes_linked",
    ada({ codes: ["MAYA2025", "JO-2025"] }),
    "Ada linked 2 codes to campaign #7: MAYA2025 and JO-2025",
  ],
  ["campaign.code_unlinked", ada({ code: "MAYA2025" }), "Ada unlinked code MAYA2025 from campaign #7"],
  [
    "client.create",
    ada(
      { email: "dana@example.com", accountNumber: "MO-US-30-260001", via: "api", referralCode: "MAYA2025" },
      { subject: "Dana" },
    ),
    "Ada created the account of Dana (MO-US-30-260001) through the API, referred with code MAYA2025",
  ],
  [
    "client.suspend",
    ada({ from: "active", to: "suspended" }, { subject: "Dana" }),
    "Ada suspended Dana",
    [["Status", "active", "suspended"]],
  ],
  [
    "client.reactivate",
    ada({ from: "suspended", to: "active" }),
    "Ada reactivated client #7",
    [["Status", "suspended", "active"]],
  ],
  [
    "client.partner_set",
    ada({ from: null, to: 12, partnerName: "Studio North" }, { subject: "Dana" }),
    "Ada made Studio North the partner of Dana",
    [["Partner", "none", "Studio North (#12)"]],
  ],
  [
    "client.partner_clear",
    ada({ from: 12, to: null, partnerName: null }, { subject: "Dana" }),
    "Ada removed the partner of Dana",
    [["Partner", "client #12", "none"]],
  ],
  [
    "api_key.create",
    ada({ name: "Billing", prefix: "mn_live_ab12" }),
    "Ada created API key “Billing” (mn_live_ab12…)",
  ],
  ["api_key.revoke", ada({}), "Ada revoked API key #7; it no longer authenticates"],
  [
    "webhook_endpoint.create",
    ada({ url: "https://hooks.example.com/in", events: ["commission.created", "payout.paid"] }),
    "Ada added webhook endpoint #7 (https://hooks.example.com/in) for commission.created and payout.paid",
  ],
  [
    "webhook_endpoint.update",
    ada({ url: "https://hooks.example.com/in", changed: ["events"], enabled: true }),
    "Ada changed webhook endpoint #7 (https://hooks.example.com/in): events",
  ],
  [
    "webhook_endpoint.delete",
    ada({ url: "https://hooks.example.com/in" }),
    "Ada deleted webhook endpoint #7 (https://hooks.example.com/in) and its deliveries",
  ],
  [
    "webhook_endpoint.rotate_secret",
    ada({ url: "https://hooks.example.com/in" }),
    "Ada rotated the signing secret of webhook endpoint #7; the old one no longer signs",
  ],
  ["webhook_endpoint.test", ada({ eventId: "evt_1" }), "Ada sent a test event to webhook endpoint #7"],
  [
    "webhook_endpoint.auto_disabled",
    ada({ url: "https://hooks.example.com/in" }, { actor: "The system" }),
    "Webhook endpoint #7 (https://hooks.example.com/in) was disabled: every delivery failed for 3 days",
  ],
  ["webhook_delivery.retry", ada({ endpointId: 3 }), "Ada sent webhook delivery #7 again"],
  [
    "auth.login_locked",
    ada(
      { scope: "email", lockout: 2, locked_until: "2026-12-03T06:15:00.000Z", retry_after_seconds: 900 },
      { actor: "The system", entityId: "kim@example.com" },
    ),
    "Sign-in was locked for kim@example.com after repeated wrong passwords for 15 minutes (until 06:15 UTC on Dec 3, 2026), lockout #2",
  ],
  [
    "referral.export",
    ada({
      format: "csv",
      total: 1234,
      filters: { start_date: "2026-11-01", end_date: null, commission_status: "all", flagged: true },
    }),
    "Ada exported 1,234 referrals as CSV (from 2026-11-01, flagged only)",
  ],
  [
    "points.release",
    ada({ releasedPoints: 50, stillPendingPoints: 20, badges: [] }),
    "Ada released 50 points held for referral #7; 20 wait for a first payment",
  ],
  ["points.void", ada({ voidedPoints: 70 }), "Ada voided 70 held points of referral #7"],
  [
    "reward_rule.create",
    ada({
      kind: "offer",
      after: {
        name: "Refer 3 in 7 days",
        config: { referrals: 3, withinDays: 7, bonusPoints: 500 },
        isActive: true,
      },
    }),
    "Ada added the offer “Refer 3 in 7 days”: 500 points for 3 referrals within 7 days",
  ],
  [
    "reward_rule.update",
    ada({
      kind: "double_sided",
      before: { name: "Double-sided", config: { referrerPoints: 50, newClientPoints: 20 }, isActive: true },
      after: { name: "Double-sided", config: { referrerPoints: 75, newClientPoints: 20 }, isActive: false },
    }),
    "Ada updated the double-sided reward “Double-sided”",
    [
      ["Active", "on", "off"],
      ["Referrer gets", "50 points", "75 points"],
    ],
  ],
  [
    "reward_catalog.create",
    ada({ after: { name: "Free month", costPoints: 300, rewardType: "free_product" } }),
    "Ada added “Free month” to the catalog for 300 points",
  ],
  [
    "reward_catalog.update",
    ada({
      before: {
        name: "10% off",
        costPoints: 100,
        rewardType: "discount_percent",
        rewardValue: 10,
        isActive: true,
      },
      after: {
        name: "10% off",
        costPoints: 150,
        rewardType: "discount_percent",
        rewardValue: 10,
        isActive: true,
      },
    }),
    "Ada updated the catalog reward “10% off”",
    [["Cost", "100 points", "150 points"]],
  ],
];

describe("describeAuditEntry", () => {
  it.each(examples)("%s", (action, entry, sentence, changes = []) => {
    const described = describeAuditEntry(action, entry);
    expect(described.sentence).toBe(sentence);
    expect((described.changes ?? []).map((c) => [c.label, c.before, c.after])).toEqual(changes);
  });

  it("has a worked example and a filter label for every action the app writes", () => {
    // Every action string passed to writeAudit in the app's code (not tests), found by reading the source.
    const files = execSync("grep -rl writeAudit lib seed app --include=*.ts", { encoding: "utf8" })
      .split("\n")
      .filter((f) => f && !f.endsWith(".test.ts"));
    const written = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(f, "utf8").matchAll(/"([a-z_]+\.[a-z_]+)"/g)) {
        if (
          /^(referral|payout_batch|points|commissions|settings|campaign|reward_rule|reward_catalog|client|api_key|auth|webhook_endpoint|webhook_delivery)\./.test(
            m[1],
          )
        )
          written.add(m[1]);
      }
    }
    written.add("commissions.approve_due");
    const exampled = new Set(examples.map(([a]) => a));
    for (const action of written) {
      expect(describedActions(), action).toContain(action);
      expect(AUDIT_ACTIONS, action).toContain(action);
      expect(exampled.has(action), action).toBe(true);
    }
    expect([...describedActions()].sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it("says an unknown action plainly instead of dropping it", () => {
    expect(
      describeAuditEntry("odd.thing", ada({ a: 1 }, { entityType: "user", entityId: "3" })).sentence,
    ).toBe("Ada did “odd.thing” on user #3 (a: 1)");
  });
});
