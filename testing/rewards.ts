// Helpers for the rewards tests (not a test file itself): people, codes, signups, rule edits that are undone
// after each test, and the ledger invariant asserted after every test.
import { and, eq, notInArray } from "drizzle-orm";
import { afterEach, beforeAll, expect } from "vitest";
import { payments, pointsLedger, referralUsageLog, rewardRules, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { insertCode, insertUser } from "@/testing/fixtures";
import type { TestDatabase } from "@/testing/use-test-database";
import { attributeSignup, type SignupInput } from "@/lib/referrals/attribute-signup";
import { normalizeEmail } from "@/lib/referrals/normalize-email";
import { findLedgerMismatches } from "@/lib/rewards/find-ledger-mismatches";
import { releasePointsOnFirstPayment } from "@/lib/rewards/release-on-first-payment";
import { rejectReferralPoints, releaseReferralPoints } from "@/lib/rewards/release-or-reject-referral-points";
import type { RewardRuleKind } from "@/lib/rewards/rules";

let seq = 0;
const nextSeq = () => ++seq + Math.floor(Math.random() * 1000) * 100_000;

/** Stored balance = ledger sum (and pending = pending sum) for every user, after every test. */
export function assertLedgerAfterEach(testDb: TestDatabase): void {
  afterEach(async () => {
    expect(await findLedgerMismatches(testDb.db)).toEqual([]);
  });
}

type RuleRow = typeof rewardRules.$inferSelect;

/** Rule edits made by a test are undone after it: the seeded defaults come back, added rules go. */
export function restoreRulesAfterEach(testDb: TestDatabase): void {
  let saved: RuleRow[] = [];
  beforeAll(async () => {
    saved = await testDb.db.select().from(rewardRules);
  });
  afterEach(async () => {
    await testDb.db.delete(rewardRules).where(
      notInArray(
        rewardRules.id,
        saved.map((r) => r.id),
      ),
    );
    for (const row of saved) {
      const { id, ...rest } = row;
      await testDb.db.update(rewardRules).set(rest).where(eq(rewardRules.id, id));
    }
  });
}

export async function setRule(
  testDb: TestDatabase,
  kind: RewardRuleKind,
  patch: Partial<Pick<RuleRow, "config" | "isActive" | "startsAt" | "endsAt" | "name">>,
  where?: { name: string },
): Promise<RuleRow> {
  const [row] = await testDb.db
    .update(rewardRules)
    .set(patch)
    .where(and(eq(rewardRules.kind, kind), where ? eq(rewardRules.name, where.name) : undefined))
    .returning();
  if (!row) throw new Error(`No ${kind} rule to update`);
  return row;
}

export async function makeClient(testDb: TestDatabase, opts: { name?: string; email?: string } = {}) {
  const n = nextSeq();
  const email = opts.email ?? `client${n}@example.com`;
  return insertUser(testDb.db, {
    email,
    normalizedEmail: normalizeEmail(email),
    name: opts.name ?? `Client ${n}`,
  });
}

export async function makeReferrer(testDb: TestDatabase, opts: { name?: string; codes?: number } = {}) {
  const user = await makeClient(testDb, opts);
  const codes: string[] = [];
  for (let i = 0; i < (opts.codes ?? 1); i++) {
    const code = `RW${String(user.id).padStart(5, "0")}${"ABCDEFGH"[i]}`;
    await insertCode(testDb.db, user.id, code);
    codes.push(code);
  }
  return { user, code: codes[0], codes };
}

let ipSeq = 0;
/** A signup with a code from a fresh address (the IP-velocity fraud rule stays quiet unless asked). */
export function signupWith(db: Db, code: string, overrides: Partial<SignupInput> = {}) {
  const n = nextSeq();
  ipSeq++;
  return attributeSignup(db, {
    name: `Friend ${n}`,
    email: `friend${n}@example.org`,
    password: "correct horse battery",
    businessType: "creator",
    referralCode: code,
    ip: `10.${(ipSeq >> 16) & 255}.${(ipSeq >> 8) & 255}.${ipSeq & 255}`,
    userAgent: "vitest",
    ...overrides,
  });
}

export async function pointsOf(testDb: TestDatabase, userId: number) {
  const [row] = await testDb.db
    .select({ balance: users.pointsBalance, pending: users.pointsPending })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

export async function ledgerOf(testDb: TestDatabase, userId: number) {
  return testDb.db
    .select()
    .from(pointsLedger)
    .where(eq(pointsLedger.userId, userId))
    .orderBy(pointsLedger.id);
}

let flaggedSeq = 0;
/** A signup the fraud rules flag (disposable e-mail domain): its points are held for review. */
export function flaggedSignup(db: Db, code: string, overrides: Partial<SignupInput> = {}) {
  flaggedSeq++;
  return signupWith(db, code, { email: `flag${flaggedSeq}.${nextSeq()}@mailinator.com`, ...overrides });
}

/** What the review queue does on approval: record the decision and release the points, one transaction. */
export function approveReferral(testDb: TestDatabase, referralId: number, adminId: number | null = null) {
  return testDb.db.transaction(async (tx) => {
    await tx
      .update(referralUsageLog)
      .set({ reviewStatus: "approved", reviewedAt: new Date(), commissionEligible: true })
      .where(eq(referralUsageLog.id, referralId));
    return releaseReferralPoints(tx, referralId, { actorUserId: adminId });
  });
}

export function rejectReferral(testDb: TestDatabase, referralId: number) {
  return testDb.db.transaction(async (tx) => {
    await tx
      .update(referralUsageLog)
      .set({ reviewStatus: "rejected" })
      .where(eq(referralUsageLog.id, referralId));
    return rejectReferralPoints(tx, referralId, { actorUserId: null });
  });
}

let paymentSeq = 0;
/** What recording a payment does for points: the payment row, then the qualifying-activity release. */
export function payFor(testDb: TestDatabase, userId: number) {
  paymentSeq++;
  return testDb.db.transaction(async (tx) => {
    await tx
      .insert(payments)
      .values({ userId, externalId: `inv_test_${userId}_${paymentSeq}`, amountCents: 3995 });
    return releasePointsOnFirstPayment(tx, userId);
  });
}
