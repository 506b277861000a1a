import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, rewardRules } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { rewardRuleFormSchema } from "@/lib/validation/reward-rules";
import { saveRewardRule } from "./manage-rules";
import {
  makeClient,
  makeReferrer,
  restoreRulesAfterEach,
  signupWith,
  assertLedgerAfterEach,
  pointsOf,
} from "@/testing/rewards";

const testDb = useTestDatabase();
assertLedgerAfterEach(testDb);
restoreRulesAfterEach(testDb);

const ruleOf = async (kind: "double_sided" | "offer" | "milestone", name?: string) => {
  const [row] = await testDb.db
    .select()
    .from(rewardRules)
    .where(and(eq(rewardRules.kind, kind), name ? eq(rewardRules.name, name) : undefined));
  return row;
};

describe("saveRewardRule", () => {
  it("an admin's new double-sided amounts apply to the next signup, audited with before and after", async () => {
    const admin = await makeClient(testDb);
    const rule = await ruleOf("double_sided");
    const form = rewardRuleFormSchema.parse({
      kind: "double_sided",
      ruleId: String(rule.id),
      isActive: "on",
      referrerPoints: "60",
      newClientPoints: "25",
    });
    await saveRewardRule(testDb.db, { actorUserId: admin.id }, form);
    const { user: referrer, code } = await makeReferrer(testDb);
    const friend = await signupWith(testDb.db, code);
    expect((await pointsOf(testDb, friend.user.id)).balance).toBe(25);
    expect((await pointsOf(testDb, referrer.id)).balance).toBe(60);
    const [audit] = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "reward_rule.update"), eq(auditLog.entityId, String(rule.id))));
    expect(audit.actorUserId).toBe(admin.id);
    expect(audit.details).toMatchObject({
      before: { config: { referrerPoints: 50, newClientPoints: 20 } },
      after: { config: { referrerPoints: 60, newClientPoints: 25 } },
    });
  });

  it("refuses a config its kind's schema rejects, and changing a milestone's badge", async () => {
    const rule = await ruleOf("double_sided");
    await expect(
      saveRewardRule(
        testDb.db,
        { actorUserId: null },
        {
          ruleId: rule.id,
          kind: "double_sided",
          isActive: true,
          config: { referrerPoints: -5, newClientPoints: 20 },
        },
      ),
    ).rejects.toMatchObject({ code: "invalid_reward_rule", message: "Referrer points must be at least 0" });
    const bronze = await ruleOf("milestone", "Bronze Referrer");
    await expect(
      saveRewardRule(
        testDb.db,
        { actorUserId: null },
        {
          ruleId: bronze.id,
          kind: "milestone",
          isActive: true,
          config: { referrals: 5, badge: "gold", bonusPoints: 100, unlock: null },
        },
      ),
    ).rejects.toThrow("A milestone keeps its badge");
    await expect(
      saveRewardRule(
        testDb.db,
        { actorUserId: null },
        {
          ruleId: bronze.id,
          kind: "offer",
          isActive: true,
          config: { referrals: 3, withinDays: 7, bonusPoints: 500 },
          startsAt: new Date("2026-01-01T00:00:00Z"),
          endsAt: new Date("2026-02-01T00:00:00Z"),
        },
      ),
    ).rejects.toThrow(/is a milestone rule, not offer/);
  });

  it("adds an offer; an active one needs a start and an end, in that order", async () => {
    const parse = (fields: Record<string, string>) =>
      rewardRuleFormSchema.safeParse({
        kind: "offer",
        name: "Summer sprint",
        referrals: "2",
        withinDays: "5",
        bonusPoints: "300",
        ...fields,
      });
    expect(parse({ isActive: "on", startsOn: "2026-07-01" }).error?.issues[0]).toMatchObject({
      path: ["endsOn"],
      message: "An active offer needs an end date",
    });
    expect(
      parse({ isActive: "on", startsOn: "2026-07-10", endsOn: "2026-07-01" }).error?.issues[0].message,
    ).toBe("The offer must end on or after its start date");
    const ok = parse({ isActive: "on", startsOn: "2026-07-01", endsOn: "2026-07-31" });
    expect(ok.success).toBe(true);
    const created = await saveRewardRule(testDb.db, { actorUserId: null }, ok.data!);
    expect(created).toMatchObject({
      kind: "offer",
      name: "Summer sprint",
      config: { referrals: 2, withinDays: 5, bonusPoints: 300 },
      isActive: true,
    });
    // The end date is included: the offer runs to the end of July 31 (UTC).
    expect(created.endsAt?.toISOString()).toBe("2026-08-01T00:00:00.000Z");
    await expect(
      saveRewardRule(
        testDb.db,
        { actorUserId: null },
        { kind: "expiry", isActive: true, config: { days: 30 } },
      ),
    ).rejects.toThrow("Only offers can be added");
  });

  it("a rule that does not exist is a 404", async () => {
    await expect(
      saveRewardRule(
        testDb.db,
        { actorUserId: null },
        { ruleId: 987654, kind: "expiry", isActive: true, config: { days: 30 } },
      ),
    ).rejects.toMatchObject({ status: 404 });
  });
});
