// The points ledger: the only code that writes points_ledger rows or the cached users.points_balance /
// users.points_pending, always both in the caller's transaction. Invariants (checked after every test by
// findLedgerMismatches):
//   points_balance = Σ delta of available rows = Σ remaining of available credits
//   points_pending = Σ delta of pending rows
//   points_debt    = Σ debt_points (points taken back that the balance could not cover), and
//   points_debt > 0 ⇒ points_balance = 0: a debt is paid off first by whatever becomes available next
// A spend is a conditional update (`… WHERE points_balance >= n`) that PostgreSQL re-checks after waiting
// for the row lock, backed by the CHECK points_balance >= 0: no interleaving can take a balance below zero.
import { and, asc, eq, gt, gte, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { pointsLedger, users } from "@/db/schema";
import { timestampParam } from "@/db/sql-values";
import type { pointsReason } from "@/db/schema/enums";
import type { Tx } from "@/db/types";
import { DomainError, notFound } from "@/lib/errors";
import { allocateOldestFirst, expiryDateFor, type Badge } from "./rules";

export type PointsReason = (typeof pointsReason.enumValues)[number];
export type CreditReason = Extract<
  PointsReason,
  | "referral_referrer"
  | "referral_new_client"
  | "tier_schedule"
  | "offer_bonus"
  | "milestone_bonus"
  | "adjustment"
>;
export type DebitReason = Extract<PointsReason, "redemption" | "expiry" | "adjustment" | "reversal">;

/** A lot that can still be spent (or expire): an available credit with points left. */
export function spendableLots(userId?: number): SQL {
  return and(
    userId === undefined ? undefined : eq(pointsLedger.userId, userId),
    eq(pointsLedger.status, "available"),
    gt(pointsLedger.remainingPoints, 0),
  )!;
}

/** The fields of a lot that spending and expiry order and allocate by. */
export const LOT_FIELDS = {
  id: pointsLedger.id,
  remainingPoints: pointsLedger.remainingPoints,
  expiresAt: pointsLedger.expiresAt,
  createdAt: pointsLedger.createdAt,
};

export class InsufficientPointsError extends DomainError {
  constructor(readonly balancePoints: number) {
    super("insufficient_points", "Not enough points", { status: 409 });
  }
}

function assertPoints(points: number): void {
  if (!Number.isSafeInteger(points) || points <= 0) throw new RangeError(`Points must be a positive integer`);
}

/**
 * Locks a user's points (their users row) for the rest of the transaction. Every ledger write takes this
 * lock, so whoever holds it sees the user's ledger as it is. FOR NO KEY UPDATE, not FOR UPDATE: rows that
 * merely reference the user (a new referral's foreign key) must not wait for it.
 */
export async function lockPointsAccount(tx: Tx, userId: number): Promise<{ balancePoints: number }> {
  const [row] = await tx
    .select({ balancePoints: users.pointsBalance })
    .from(users)
    .where(eq(users.id, userId))
    .for("no key update");
  if (!row) throw notFound("User");
  return row;
}

export type CreditInput = {
  userId: number;
  points: number;
  reason: CreditReason;
  status: "available" | "pending";
  now: Date;
  /** Days until available points expire (null: no expiry); pending points get theirs when released. */
  expiryDays: number | null;
  referralId?: number | null;
  ruleId?: number | null;
  note?: string | null;
  awaitsFirstPayment?: boolean;
};

/** Adds points, available now or pending (held for review or a first payment). Returns the entry id. */
export async function creditPoints(tx: Tx, input: CreditInput): Promise<number> {
  const [id] = await creditPointsBatch(tx, [input]);
  return id;
}

/**
 * A one-time award a credit pays for: an offer (a reward_rule_awards row) or a milestone badge (a
 * user_badges row). Its primary key decides who wins it, whatever else is running.
 */
export type OneTimeClaim =
  | { kind: "offer"; userId: number; ruleId: number; at: Date }
  | { kind: "badge"; userId: number; badge: Badge; at: Date };

/**
 * Several credits (to one or more users) in one statement: the ledger rows and the cached balances move
 * together, so a signup's welcome points, referrer share and tier bonus cost one round trip. Returns the
 * entry ids in input order.
 */
export async function creditPointsBatch(tx: Tx, inputs: CreditInput[]): Promise<number[]> {
  return (await creditPointsClaiming(tx, inputs, [])).entryIds;
}

// A module constant: zod compiles a schema on its first parse, so a schema built per call is compiled per call.
const creditResultRow = z.object({
  ids: col.nullableText,
  users: col.int,
  wanted: col.int,
  won: col.nullableText,
  debtors: col.nullableText,
});

/**
 * creditPointsBatch with one-time claims in the same statement: each claim's row is inserted (ON CONFLICT
 * DO NOTHING), and a credit whose `claim` is the index of a claim that did not go in is left out — so an
 * offer or a badge is paid once, and a signup that wins one costs no extra round trip. Returns the ids of
 * the credits written (in input order) and the indexes of the claims won.
 */
export async function creditPointsClaiming(
  tx: Tx,
  inputs: (CreditInput & { claim?: number })[],
  claims: OneTimeClaim[],
): Promise<{ entryIds: number[]; won: number[] }> {
  if (!inputs.length && !claims.length) return { entryIds: [], won: [] };
  for (const input of inputs) assertPoints(input.points);
  const rows = inputs.map((input, i) => {
    const available = input.status === "available";
    const expiresAt = available ? expiryDateFor(input.expiryDays, input.now) : null;
    return sql`(${i}::int, ${input.userId}::int, ${input.points}::int, ${input.reason}::points_reason,
      ${input.status}::points_status, ${input.referralId ?? null}::bigint, ${input.ruleId ?? null}::int,
      ${input.note ?? null}::text, ${input.awaitsFirstPayment ?? false}::boolean,
      ${expiresAt ? timestampParam(expiresAt) : null}::timestamptz, ${timestampParam(input.now)},
      ${input.claim ?? null}::int)`;
  });
  const claimRows = claims.map(
    (c, i) => sql`(${i}::int, ${c.kind}::text, ${c.userId}::int, ${c.kind === "offer" ? c.ruleId : null}::int,
      ${c.kind === "badge" ? c.badge : null}::badge, ${timestampParam(c.at)})`,
  );
  const inputCte = rows.length
    ? sql`VALUES ${sql.join(rows, sql`, `)}`
    : sql`SELECT NULL::int, NULL::int, NULL::int, NULL::points_reason, NULL::points_status, NULL::bigint,
             NULL::int, NULL::text, NULL::boolean, NULL::timestamptz, NULL::timestamptz, NULL::int WHERE false`;
  // Without claims the statement is the plain batch.
  const claimCtes = claims.length
    ? sql`, claims (k, kind, user_id, rule_id, badge, at) AS (
        VALUES ${sql.join(claimRows, sql`, `)}
      ), offers_won AS (
        INSERT INTO reward_rule_awards (rule_id, user_id, awarded_at)
        SELECT rule_id, user_id, at FROM claims WHERE kind = 'offer' ORDER BY k
        ON CONFLICT DO NOTHING
        RETURNING rule_id, user_id
      ), badges_won AS (
        INSERT INTO user_badges (user_id, badge, awarded_at)
        SELECT user_id, badge, at FROM claims WHERE kind = 'badge' ORDER BY k
        ON CONFLICT DO NOTHING
        RETURNING user_id, badge
      ), won AS (
        SELECT c.k FROM claims c JOIN offers_won o ON c.kind = 'offer' AND o.rule_id = c.rule_id AND o.user_id = c.user_id
        UNION ALL
        SELECT c.k FROM claims c JOIN badges_won b ON c.kind = 'badge' AND b.badge = c.badge AND b.user_id = c.user_id
      ), kept AS (
        SELECT * FROM input WHERE claim IS NULL OR claim IN (SELECT k FROM won)
      )`
    : sql`, won (k) AS (SELECT NULL::int WHERE false), kept AS (SELECT * FROM input)`;
  const result = rowsAs(
    await tx.execute(sql`
      WITH input (n, user_id, points, reason, status, referral_id, rule_id, note, awaits, expires_at, created_at, claim) AS (
        ${inputCte}
      )${claimCtes}, entries AS (
        INSERT INTO points_ledger (user_id, delta_points, remaining_points, reason, status, referral_id, rule_id,
                                   note, awaits_first_payment, expires_at, created_at)
        SELECT user_id, points, points, reason, status, referral_id, rule_id, note, awaits, expires_at, created_at
          FROM kept ORDER BY n
        RETURNING id
      ), moved AS (
        UPDATE users u
           SET points_balance = u.points_balance + d.available, points_pending = u.points_pending + d.pending
          FROM (SELECT user_id, coalesce(sum(points) FILTER (WHERE status = 'available'), 0) AS available,
                       coalesce(sum(points) FILTER (WHERE status = 'pending'), 0) AS pending
                  FROM (SELECT user_id, points, status::text AS status FROM kept) i
                 GROUP BY user_id ORDER BY user_id) d
         WHERE u.id = d.user_id
        RETURNING u.id, u.points_debt > 0 AND u.points_balance > 0 AS owes
      )
      SELECT (SELECT array_agg(id ORDER BY id) FROM entries)::text AS ids,
             (SELECT count(*) FROM moved)::int AS users,
             (SELECT count(DISTINCT user_id) FROM kept)::int AS wanted,
             (SELECT array_agg(k ORDER BY k) FROM won)::text AS won,
             (SELECT array_agg(id ORDER BY id) FROM moved WHERE owes)::text AS debtors`),
    creditResultRow,
  )[0];
  if (result.users !== result.wanted) throw notFound("User");
  const list = (text: string | null) => (text ? text.replace(/[{}]/g, "").split(",").map(Number) : []);
  // Points that became available to a user in debt pay the debt first (rare: no extra round trip otherwise).
  for (const userId of list(result.debtors)) {
    await payPointsDebt(tx, userId, inputs.find((i) => i.userId === userId)!.now);
  }
  return { entryIds: list(result.ids), won: list(result.won) };
}

export type DebitInput = {
  userId: number;
  points: number;
  reason: DebitReason;
  now: Date;
  redemptionId?: number | null;
  /** The referral a debt repayment is for (the take-back's referral). */
  referralId?: number | null;
  note?: string | null;
};

/**
 * Spends points, oldest first. The balance moves only if it covers the spend (else
 * InsufficientPointsError, and the caller's transaction rolls back); then the credits it came from are
 * drawn down and the debit row is written.
 */
export async function debitPoints(
  tx: Tx,
  input: DebitInput,
): Promise<{ entryId: number; balancePoints: number }> {
  assertPoints(input.points);
  const [user] = await tx
    .update(users)
    .set({ pointsBalance: sql`${users.pointsBalance} - ${input.points}` })
    .where(and(eq(users.id, input.userId), gte(users.pointsBalance, input.points)))
    .returning({ balancePoints: users.pointsBalance });
  if (!user) {
    const [current] = await tx
      .select({ balancePoints: users.pointsBalance })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!current) throw notFound("User");
    throw new InsufficientPointsError(current.balancePoints);
  }
  // The update above holds the user's row lock, which every writer of their lots also takes.
  const lots = await tx
    .select(LOT_FIELDS)
    .from(pointsLedger)
    .where(spendableLots(input.userId))
    .orderBy(
      sql`${pointsLedger.expiresAt} asc nulls last`,
      asc(pointsLedger.createdAt),
      asc(pointsLedger.id),
    );
  await drawDown(tx, allocateOldestFirst(lots, input.points));
  const [entry] = await tx
    .insert(pointsLedger)
    .values({
      userId: input.userId,
      deltaPoints: -input.points,
      remainingPoints: 0,
      reason: input.reason,
      status: "available",
      redemptionId: input.redemptionId ?? null,
      referralId: input.referralId ?? null,
      note: input.note ?? null,
      createdAt: input.now,
    })
    .returning({ id: pointsLedger.id });
  return { entryId: entry.id, balancePoints: user.balancePoints };
}

export type PendingEntry = { id: number; userId: number; deltaPoints: number };

/**
 * Applies one signed change per user to the cached sums, locking users in id order (no deadlocks). Points
 * made available to a user in debt pay the debt first.
 */
async function moveCachedSums(
  tx: Tx,
  entries: PendingEntry[],
  to: "available" | "void",
  now: Date,
): Promise<void> {
  const byUser = new Map<number, number>();
  for (const e of entries) byUser.set(e.userId, (byUser.get(e.userId) ?? 0) + e.deltaPoints);
  for (const userId of [...byUser.keys()].sort((a, b) => a - b)) {
    const points = byUser.get(userId)!;
    const [moved] = await tx
      .update(users)
      .set({
        pointsPending: sql`${users.pointsPending} - ${points}`,
        ...(to === "available" ? { pointsBalance: sql`${users.pointsBalance} + ${points}` } : {}),
      })
      .where(eq(users.id, userId))
      .returning({ debt: users.pointsDebt, balance: users.pointsBalance });
    if (to === "available" && moved && moved.debt > 0 && moved.balance > 0)
      await payPointsDebt(tx, userId, now);
  }
}

/**
 * Pending → available. Pass rows the caller selected FOR UPDATE with status 'pending' (so two releases
 * cannot both move them). Their expiry starts now: points held for review do not age while held.
 */
export async function releasePendingEntries(
  tx: Tx,
  entries: PendingEntry[],
  opts: { now: Date; expiryDays: number | null },
): Promise<number> {
  return settlePendingEntries(tx, entries, "available", opts.now, {
    expiresAt: expiryDateFor(opts.expiryDays, opts.now),
  });
}

/** Pending → void (a rejected referral): the rows stay as history, the points never become spendable. */
export async function voidPendingEntries(tx: Tx, entries: PendingEntry[]): Promise<number> {
  return settlePendingEntries(tx, entries, "void", new Date(), { remainingPoints: 0 });
}

/** Moves still-pending rows to `to` and their points out of the pending sum (into the balance if available). */
async function settlePendingEntries(
  tx: Tx,
  entries: PendingEntry[],
  to: "available" | "void",
  now: Date,
  also: Partial<typeof pointsLedger.$inferInsert>,
): Promise<number> {
  if (!entries.length) return 0;
  await tx
    .update(pointsLedger)
    .set({ status: to, ...also })
    .where(
      and(
        inArray(
          pointsLedger.id,
          entries.map((e) => e.id),
        ),
        eq(pointsLedger.status, "pending"),
      ),
    );
  await moveCachedSums(tx, entries, to, now);
  return entries.reduce((sum, e) => sum + e.deltaPoints, 0);
}

export type TakeBackInput = {
  userId: number;
  /** What is taken back in all: from the balance what it holds, the rest owed as a debt. */
  points: number;
  referralId: number;
  /** The refund or chargeback that takes the points back (one take-back per referral, by a unique index). */
  paymentId: number;
  note: string;
  now: Date;
  /** Lots to draw from first (the credits being taken back, if anything is left of them). */
  fromLots: number[];
};

/**
 * Takes points back without ever taking the balance below zero: one `reversal` row that moves what the
 * balance holds (possibly 0) and records the rest as `debt_points`, owed until later earnings pay it
 * (payPointsDebt). Under the user's points lock, so a redemption running at the same moment either spends
 * first (and more of this becomes debt) or finds the points gone.
 */
export async function takeBackPoints(
  tx: Tx,
  input: TakeBackInput,
): Promise<{ entryId: number; takenPoints: number; debtPoints: number }> {
  assertPoints(input.points);
  const { balancePoints } = await lockPointsAccount(tx, input.userId);
  const takenPoints = Math.min(input.points, balancePoints);
  const debtPoints = input.points - takenPoints;
  await tx
    .update(users)
    .set({
      pointsBalance: sql`${users.pointsBalance} - ${takenPoints}`,
      pointsDebt: sql`${users.pointsDebt} + ${debtPoints}`,
    })
    .where(eq(users.id, input.userId));
  if (takenPoints > 0) {
    const lots = await tx.select(LOT_FIELDS).from(pointsLedger).where(spendableLots(input.userId));
    const first = new Set(input.fromLots);
    const own = lots.filter((lot) => first.has(lot.id));
    const fromOwn = Math.min(
      takenPoints,
      own.reduce((sum, lot) => sum + lot.remainingPoints, 0),
    );
    const taken = [
      ...(fromOwn > 0 ? allocateOldestFirst(own, fromOwn) : []),
      ...(takenPoints > fromOwn
        ? allocateOldestFirst(
            lots.filter((lot) => !first.has(lot.id)),
            takenPoints - fromOwn,
          )
        : []),
    ];
    await drawDown(tx, taken);
  }
  const [entry] = await tx
    .insert(pointsLedger)
    .values({
      userId: input.userId,
      deltaPoints: -takenPoints,
      remainingPoints: 0,
      reason: "reversal",
      status: "available",
      referralId: input.referralId,
      paymentId: input.paymentId,
      debtPoints,
      note: input.note,
      createdAt: input.now,
    })
    .returning({ id: pointsLedger.id });
  return { entryId: entry.id, takenPoints, debtPoints };
}

/**
 * Pays a user's points debt from their balance, oldest debt first: per debt a `reversal` debit (for the
 * debt's referral) and its `debt_points` lowered. Called under the user's points lock, right after points
 * became available (a credit or a release), so a balance and a debt never stand side by side.
 */
async function payPointsDebt(tx: Tx, userId: number, now: Date): Promise<void> {
  const debts = await tx
    .select({
      id: pointsLedger.id,
      debtPoints: pointsLedger.debtPoints,
      referralId: pointsLedger.referralId,
      note: pointsLedger.note,
    })
    .from(pointsLedger)
    .where(and(eq(pointsLedger.userId, userId), gt(pointsLedger.debtPoints, 0)))
    .orderBy(asc(pointsLedger.createdAt), asc(pointsLedger.id))
    .for("update");
  let { balancePoints } = await lockPointsAccount(tx, userId);
  let paid = 0;
  for (const debt of debts) {
    if (balancePoints === 0) break;
    const points = Math.min(balancePoints, debt.debtPoints);
    ({ balancePoints } = await debitPoints(tx, {
      userId,
      points,
      reason: "reversal",
      referralId: debt.referralId,
      note: `Paid toward points taken back${debt.note ? ` (${debt.note})` : ""}`,
      now,
    }));
    await tx
      .update(pointsLedger)
      .set({ debtPoints: sql`${pointsLedger.debtPoints} - ${points}` })
      .where(eq(pointsLedger.id, debt.id));
    paid += points;
  }
  if (paid > 0) {
    await tx
      .update(users)
      .set({ pointsDebt: sql`${users.pointsDebt} - ${paid}` })
      .where(eq(users.id, userId));
  }
}

/** Lowers what is left of the lots points were taken from. */
async function drawDown(tx: Tx, taken: { id: number; takePoints: number }[]): Promise<void> {
  if (!taken.length) return;
  await tx.execute(sql`
    UPDATE points_ledger AS p SET remaining_points = p.remaining_points - v.take
      FROM (VALUES ${sql.join(
        taken.map((t) => sql`(${t.id}::bigint, ${t.takePoints}::int)`),
        sql`, `,
      )}) AS v(id, take)
     WHERE p.id = v.id`);
}
