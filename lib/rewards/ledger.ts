// The points ledger: the only code that writes points_ledger rows or the cached users.points_balance /
// users.points_pending, always both in the caller's transaction. Invariants (checked after every test by
// findLedgerMismatches):
//   points_balance = Σ delta of available rows = Σ remaining of available credits
//   points_pending = Σ delta of pending rows
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
        RETURNING u.id
      )
      SELECT (SELECT array_agg(id ORDER BY id) FROM entries)::text AS ids,
             (SELECT count(*) FROM moved)::int AS users,
             (SELECT count(DISTINCT user_id) FROM kept)::int AS wanted,
             (SELECT array_agg(k ORDER BY k) FROM won)::text AS won`),
    z.object({ ids: col.nullableText, users: col.int, wanted: col.int, won: col.nullableText }),
  )[0];
  if (result.users !== result.wanted) throw notFound("User");
  const list = (text: string | null) => (text ? text.replace(/[{}]/g, "").split(",").map(Number) : []);
  return { entryIds: list(result.ids), won: list(result.won) };
}

export type DebitInput = {
  userId: number;
  points: number;
  reason: DebitReason;
  now: Date;
  redemptionId?: number | null;
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
  const taken = allocateOldestFirst(lots, input.points);
  await tx.execute(sql`
    UPDATE points_ledger AS p SET remaining_points = p.remaining_points - v.take
      FROM (VALUES ${sql.join(
        taken.map((t) => sql`(${t.id}::bigint, ${t.takePoints}::int)`),
        sql`, `,
      )}) AS v(id, take)
     WHERE p.id = v.id`);
  const [entry] = await tx
    .insert(pointsLedger)
    .values({
      userId: input.userId,
      deltaPoints: -input.points,
      remainingPoints: 0,
      reason: input.reason,
      status: "available",
      redemptionId: input.redemptionId ?? null,
      note: input.note ?? null,
      createdAt: input.now,
    })
    .returning({ id: pointsLedger.id });
  return { entryId: entry.id, balancePoints: user.balancePoints };
}

export type PendingEntry = { id: number; userId: number; deltaPoints: number };

/** Applies one signed change per user to the cached sums, locking users in id order (no deadlocks). */
async function moveCachedSums(tx: Tx, entries: PendingEntry[], to: "available" | "void"): Promise<void> {
  const byUser = new Map<number, number>();
  for (const e of entries) byUser.set(e.userId, (byUser.get(e.userId) ?? 0) + e.deltaPoints);
  for (const userId of [...byUser.keys()].sort((a, b) => a - b)) {
    const points = byUser.get(userId)!;
    await tx
      .update(users)
      .set({
        pointsPending: sql`${users.pointsPending} - ${points}`,
        ...(to === "available" ? { pointsBalance: sql`${users.pointsBalance} + ${points}` } : {}),
      })
      .where(eq(users.id, userId));
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
  return settlePendingEntries(tx, entries, "available", {
    expiresAt: expiryDateFor(opts.expiryDays, opts.now),
  });
}

/** Pending → void (a rejected referral): the rows stay as history, the points never become spendable. */
export async function voidPendingEntries(tx: Tx, entries: PendingEntry[]): Promise<number> {
  return settlePendingEntries(tx, entries, "void", { remainingPoints: 0 });
}

/** Moves still-pending rows to `to` and their points out of the pending sum (into the balance if available). */
async function settlePendingEntries(
  tx: Tx,
  entries: PendingEntry[],
  to: "available" | "void",
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
  await moveCachedSums(tx, entries, to);
  return entries.reduce((sum, e) => sum + e.deltaPoints, 0);
}
