import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { commissions, payments, subscriptions, users } from "@/db/schema";
import { paymentSource, paymentType } from "@/db/schema/enums";
import { col, rowsAs } from "@/db/rows";
import { timestampParam } from "@/db/sql-values";
import type { DbOrTx, Tx } from "@/db/types";
import { DomainError, notFound } from "@/lib/errors";
import { formatMoney } from "@/lib/format";
import { BASE_CURRENCY, isKnownCurrency, normalizeCurrency } from "@/lib/money/currencies";
import { accountEmail } from "@/lib/referrals/normalize-email";
import { maskEmail } from "@/lib/privacy/mask";
import { releasePointsOnFirstPayment } from "@/lib/rewards/release-on-first-payment";
import { takeBackFirstPaymentPoints } from "@/lib/rewards/take-back-first-payment-points";
import { proportion } from "./calculate-commission";
import {
  payerReferralColumns,
  payerReferralLocked,
  prefetchCommissionInputs,
  readPayerReferral,
  sendCommissions,
  type PayerReferral,
} from "./earn-commissions";
import { syncReferralSummaries } from "./referral-summary";
import { reverseEarnings, type Commission } from "./reverse-commissions";
import { domainMetrics } from "@/lib/observability/metrics.mjs";

export type Payment = typeof payments.$inferSelect;

export type RecordPaymentInput = {
  /** The caller's id for this money movement (`inv_123`): the idempotency key. */
  externalId: string;
  userId?: number | null;
  email?: string | null;
  amountCents: number;
  currency?: string;
  type: (typeof paymentType.enumValues)[number];
  /** Refunds and chargebacks: the external id of the payment they undo. */
  refundOf?: string | null;
  occurredAt?: Date | null;
  source?: (typeof paymentSource.enumValues)[number];
  providerChargeId?: string | null;
  providerPaymentIntentId?: string | null;
  /** The provider's subscription id, to find (and remember) the client's subscription. */
  subscriptionExternalId?: string | null;
};

export type RecordedPayment = {
  payment: Payment;
  /** False when this external id was already recorded: nothing was written. */
  created: boolean;
  /** The ledger rows this payment wrote: earnings for a payment, reversals for a refund or chargeback. */
  commissions: Commission[];
};

const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** A payment without a currency is in the base currency (usd): the API's and the seed's default. */
export const DEFAULT_CURRENCY = BASE_CURRENCY;

/**
 * Records money in (a trial conversion, renewal or upgrade) or out (a refund or chargeback) for a
 * client, and the commissions that follow, in one transaction. Idempotent by `externalId`: the unique
 * index decides, so concurrent deliveries of one payment write it once and all get the same answer.
 */
export async function recordPayment(
  db: DbOrTx,
  input: RecordPaymentInput,
  now: Date = new Date(),
): Promise<RecordedPayment> {
  const occurredAt = input.occurredAt ?? now;
  if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new DomainError("occurred_in_future", "occurred_at can't be in the future", {
      field: "occurred_at",
    });
  }
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    throw new DomainError("invalid_amount", "amount_cents must be a positive whole number of cents", {
      field: "amount_cents",
    });
  }
  // Any ISO 4217 currency: amounts are in its minor units and commissions stay in it (no conversion).
  if (input.currency !== undefined && !isKnownCurrency(input.currency)) {
    throw new DomainError("unknown_currency", `Unknown currency: ${input.currency} (not an ISO 4217 code)`, {
      field: "currency",
    });
  }
  // An incoming payment's commissions INSERT may still be answering behind the COMMIT (recordIncoming).
  // If it failed, the COMMIT rolled the whole transaction back (PostgreSQL answers it with ROLLBACK,
  // PGlite throws) and the INSERT's own error is the one thrown.
  let pending: Promise<Commission[]> | undefined;
  const outcome = await db
    .transaction(async (tx): Promise<Outcome> => {
      const result =
        input.type === "payment"
          ? await recordIncoming(tx, input, occurredAt, now)
          : settled(await recordRefund(tx, input, occurredAt, now));
      pending = result.commissions;
      return result;
    })
    .catch(async (error: unknown) => {
      await pending;
      throw error;
    });
  const recorded: RecordedPayment = { ...outcome, commissions: await outcome.commissions };
  if (recorded.created) countRecorded(input.type, recorded.commissions);
  return recorded;
}

/** A transaction's result whose ledger rows may still be on their way (see recordIncoming). */
type Outcome = Omit<RecordedPayment, "commissions"> & { commissions: Promise<Commission[]> };

function settled(recorded: RecordedPayment): Outcome {
  return { ...recorded, commissions: Promise.resolve(recorded.commissions) };
}

/** The in-memory Prometheus counters (/api/metrics) of what this call wrote; no query. */
function countRecorded(type: RecordPaymentInput["type"], commissions: Commission[]): void {
  const m = domainMetrics();
  m.payments.inc({ type });
  for (const c of commissions) m.commissions.inc({ level: c.level });
}

/**
 * Writes the payment row unless its `external_id` was recorded before: undefined then, and the caller
 * answers with what that first delivery recorded (a replay writes nothing).
 */
async function insertOnce(
  tx: Tx,
  input: RecordPaymentInput,
  occurredAt: Date,
  now: Date,
  row: Pick<
    typeof payments.$inferInsert,
    "userId" | "subscriptionId" | "type" | "currency" | "refundOfPaymentId"
  >,
): Promise<typeof payments.$inferSelect | undefined> {
  const [inserted] = await tx
    .insert(payments)
    .values({
      ...row,
      externalId: input.externalId,
      amountCents: input.amountCents,
      source: input.source ?? "api",
      providerChargeId: input.providerChargeId ?? null,
      providerPaymentIntentId: input.providerPaymentIntentId ?? null,
      occurredAt,
      createdAt: now,
    })
    .onConflictDoNothing({ target: payments.externalId })
    .returning();
  return inserted;
}

async function recordIncoming(
  tx: Tx,
  input: RecordPaymentInput,
  occurredAt: Date,
  now: Date,
): Promise<Outcome> {
  const { client, subscription } = await resolveClientAndSubscription(tx, input);
  const writing = insertPaymentAndLockReferral(tx, input, occurredAt, now, client.id, subscription);
  // Sent behind the payment statement without waiting for its answer (pipelined): read after the
  // referrer's lock was granted, one round trip less under it (prefetchCommissionInputs says why it is
  // exact). If the payment statement fails, this one fails too; that error is the one thrown.
  // A client nobody referred (as of the statement above) has no inputs to read: earnCommissions reads
  // them itself should a referral have appeared since.
  const reading = client.referred
    ? prefetchCommissionInputs(tx, client.id, subscription?.id ?? null)
    : Promise.resolve(undefined);
  reading.catch(() => {});
  const written = await writing;
  if (!written) {
    await reading.catch(() => {});
    return settled(await replay(tx, input, client.id));
  }
  const { payment, referral } = written;
  const sent = await sendCommissions(tx, payment, referral, await reading);
  if (!referral?.holdsPointsForFirstPayment) {
    // The commissions INSERT is the transaction's last statement: the COMMIT is sent right behind it,
    // without waiting for its answer, so the referrer's lock and the counters its triggers move are held
    // one round trip less (a top referrer's payments queue on them). The driver runs them in order.
    return { payment, created: true, commissions: sent.rows };
  }
  const earned = await sent.rows;
  // Rewards' qualifying activity: the referrer's points held until this client's first payment.
  await releasePointsOnFirstPayment(tx, client.id, now, referral);
  return settled({ payment, created: true, commissions: earned });
}

const paymentTypes = paymentType.enumValues;
const paymentSources = paymentSource.enumValues;
type Subscription = Awaited<ReturnType<typeof resolveClientAndSubscription>>["subscription"];

const paymentColumns = z.object({
  id: col.int,
  user_id: col.int,
  subscription_id: col.nullableInt,
  external_id: col.text,
  type: z.enum(paymentTypes),
  amount_cents: col.cents,
  currency: col.text,
  refund_of_payment_id: col.nullableInt,
  source: z.enum(paymentSources),
  provider_charge_id: col.nullableText,
  provider_payment_intent_id: col.nullableText,
  occurred_at: col.timestamp,
  created_at: col.timestamp,
});

/**
 * ONE statement for an incoming payment: the payment row (unless its `external_id` was recorded before:
 * undefined then, and nothing is written), the subscription it makes active, and the payer's referral with
 * the referrer's row lock (payerReferralLocked). Why one: a referrer's payments are serialised from the
 * moment one of them locks the referrer's rows to its commit — the lock here, or, on a first payment,
 * this statement's own triggers moving the referrer's qualified count in referrer_stats — so every round
 * trip between the two would be paid by each of their payments in turn (a top referrer with half of the
 * program's referrals pays it on half of all payments).
 */
async function insertPaymentAndLockReferral(
  tx: Tx,
  input: RecordPaymentInput,
  occurredAt: Date,
  now: Date,
  clientId: number,
  subscription: Subscription | null,
): Promise<{ payment: Payment; referral: PayerReferral | null } | undefined> {
  // Paying makes the subscription active. A trial converting, or a canceled one coming back, starts a new
  // run of continuous months (the retention bonus counts them); a renewal keeps the run. Written only
  // when the payment row was (a replay writes nothing).
  const activate = subscription
    ? sql`, activated AS (
        UPDATE subscriptions
           SET status = 'active', canceled_at = NULL,
               continuous_since = ${timestampParam(
                 subscription.status === "trial" ||
                   subscription.status === "canceled" ||
                   !subscription.continuousSince
                   ? occurredAt
                   : subscription.continuousSince,
               )},
               external_id = ${subscription.externalId ?? input.subscriptionExternalId ?? null},
               updated_at = ${timestampParam(now)}
         WHERE id = ${subscription.id} AND EXISTS (SELECT 1 FROM p))`
    : sql``;
  const [row] = rowsAs(
    await tx.execute(sql`
      WITH p AS (
        INSERT INTO payments (user_id, subscription_id, external_id, type, amount_cents, currency, source,
                              provider_charge_id, provider_payment_intent_id, occurred_at, created_at)
        VALUES (${clientId}, ${subscription?.id ?? null}, ${input.externalId}, 'payment', ${input.amountCents},
                ${normalizedCurrency(input.currency)}, ${input.source ?? "api"}, ${input.providerChargeId ?? null},
                ${input.providerPaymentIntentId ?? null}, ${timestampParam(occurredAt)}, ${timestampParam(now)})
        ON CONFLICT (external_id) DO NOTHING
        RETURNING *)${activate}
      SELECT p.*, r.* FROM p LEFT JOIN LATERAL (${payerReferralLocked(sql`p.user_id`)}) r ON true`),
    paymentColumns.merge(payerReferralColumns),
  );
  if (!row) return undefined;
  return {
    payment: {
      id: row.id,
      userId: row.user_id,
      subscriptionId: row.subscription_id,
      externalId: row.external_id,
      type: row.type,
      amountCents: row.amount_cents,
      currency: row.currency,
      refundOfPaymentId: row.refund_of_payment_id,
      source: row.source,
      providerChargeId: row.provider_charge_id,
      providerPaymentIntentId: row.provider_payment_intent_id,
      occurredAt: row.occurred_at,
      createdAt: row.created_at,
    },
    referral: readPayerReferral(row),
  };
}

async function recordRefund(
  tx: Tx,
  input: RecordPaymentInput,
  occurredAt: Date,
  now: Date,
): Promise<RecordedPayment> {
  if (!input.refundOf) {
    throw new DomainError("refund_of_required", `A ${input.type} needs refund_of: the payment it undoes`, {
      field: "refund_of",
    });
  }
  // Locking the original serialises every refund of it: the remaining amount can't be overdrawn.
  const [original] = await tx
    .select()
    .from(payments)
    .where(eq(payments.externalId, input.refundOf))
    .for("update");
  if (!original) {
    throw new DomainError("payment_not_found", `Payment ${input.refundOf} not found`, {
      status: 404,
      field: "refund_of",
    });
  }
  if (original.type !== "payment") {
    throw new DomainError("not_a_payment", `${input.refundOf} is a ${original.type}, not a payment`, {
      field: "refund_of",
    });
  }
  if (input.userId || input.email) {
    const client = await resolveClient(tx, input);
    if (client.id !== original.userId) {
      throw new DomainError("refund_client_mismatch", `Payment ${input.refundOf} belongs to another client`, {
        field: "refund_of",
      });
    }
  }
  if (normalizedCurrency(input.currency ?? original.currency) !== original.currency) {
    throw new DomainError("currency_mismatch", `A ${input.type} must be in ${original.currency}`, {
      field: "currency",
    });
  }
  // The referrer's row lock before the refund row's triggers move their counters: the same order as an
  // incoming payment takes them (referrer, then counters), so the two never deadlock; it is also the
  // referrer's points lock for taking points back below.
  const [payer] = rowsAs(
    await tx.execute(sql`SELECT * FROM (${payerReferralLocked(sql`${original.userId}::int`)}) r`),
    payerReferralColumns,
  );
  const referral = payer ? readPayerReferral(payer) : null;

  const refund = await insertOnce(tx, input, occurredAt, now, {
    userId: original.userId,
    subscriptionId: original.subscriptionId,
    type: input.type,
    currency: original.currency,
    refundOfPaymentId: original.id,
  });
  if (!refund) return replay(tx, input, original.userId);

  const [{ refunded }] = await tx
    .select({ refunded: sql<string>`sum(${payments.amountCents})` })
    .from(payments)
    .where(eq(payments.refundOfPaymentId, original.id));
  const refundedCents = Number(refunded);
  if (refundedCents > original.amountCents) {
    throw new DomainError(
      "refund_exceeds_payment",
      `Refunds and chargebacks of ${original.externalId} would come to ` +
        `${formatMoney(refundedCents, original.currency)}, more than the ` +
        `${formatMoney(original.amountCents, original.currency)} paid`,
      { status: 422, field: "amount_cents" },
    );
  }

  const earnings = await tx
    .select()
    .from(commissions)
    .where(and(eq(commissions.paymentId, original.id), eq(commissions.kind, "earning")))
    .orderBy(asc(commissions.id))
    .for("update");
  // SPEC: a refund or chargeback reverses everything its payment funded, proportionally. Each commission
  // the payment earned — direct, partner, and the campaign or retention bonus it released — loses the
  // refunded share: amount × refunded ÷ paid, truncated toward zero, cumulatively (a refund in several
  // parts ends exactly at the full amount; reverseEarnings never takes more than the earning). A flat
  // bonus follows the same rule: a 25% refund takes back 25% of it (rounded down), a full refund or a
  // chargeback all of it. After payout the reversal is carried into the next payout.
  const reversals = await reverseEarnings(tx, {
    earnings,
    targetCents: (earning) => proportion(earning.amountCents, refundedCents, original.amountCents),
    paymentId: refund.id,
    note:
      `${input.type === "chargeback" ? "Chargeback" : "Refund"} of ` +
      `${formatMoney(input.amountCents, original.currency)} on a ` +
      `${formatMoney(original.amountCents, original.currency)} payment`,
    now,
  });
  await syncReferralSummaries(
    tx,
    earnings.map((e) => e.referralId).filter((id): id is number => id !== null),
  );
  if (referral?.referrer) await takeBackPointsIfUnpaid(tx, referral.id, referral.referrer.id, refund, now);
  return { payment: refund, created: true, commissions: reversals };
}

/**
 * The points the client's first payment released go back when this refund left the client with nothing
 * paid (lib/rewards/take-back-first-payment-points.ts has the rule).
 */
async function takeBackPointsIfUnpaid(
  tx: Tx,
  referralId: number,
  referrerId: number,
  refund: Payment,
  now: Date,
): Promise<void> {
  const [after] = rowsAs(
    await tx.execute(sql`
      SELECT l.net_paid_cents, u.email FROM referral_usage_log l JOIN users u ON u.id = l.referred_user_id
       WHERE l.id = ${referralId}`),
    z.object({ net_paid_cents: col.cents, email: col.text }),
  );
  if (!after || after.net_paid_cents > 0) return;
  await takeBackFirstPaymentPoints(tx, {
    referralId,
    referrerId,
    refund: { id: refund.id, type: refund.type === "chargeback" ? "chargeback" : "refund" },
    clientLabel: maskEmail(after.email),
    now,
  });
}

/** The same external id again: the stored result, if it is the same payment; otherwise a conflict. */
async function replay(tx: Tx, input: RecordPaymentInput, userId: number): Promise<RecordedPayment> {
  const [payment] = await tx.select().from(payments).where(eq(payments.externalId, input.externalId));
  const [refundOf] = payment?.refundOfPaymentId
    ? await tx
        .select({ externalId: payments.externalId })
        .from(payments)
        .where(eq(payments.id, payment.refundOfPaymentId))
    : [];
  const same =
    payment &&
    payment.userId === userId &&
    payment.type === input.type &&
    payment.amountCents === input.amountCents &&
    payment.currency === normalizedCurrency(input.currency ?? payment.currency) &&
    (refundOf?.externalId ?? null) === (input.type === "payment" ? null : (input.refundOf ?? null));
  if (!same) {
    throw new DomainError(
      "external_id_conflict",
      `external_id ${input.externalId} was already recorded with different details`,
      { status: 409, field: "external_id" },
    );
  }
  const rows = await tx
    .select()
    .from(commissions)
    .where(eq(commissions.paymentId, payment.id))
    .orderBy(asc(commissions.id));
  return { payment, created: false, commissions: rows };
}

function clientWhere(input: RecordPaymentInput): { where: SQL; email: string | null } {
  const email = (input.email && accountEmail(input.email)) || null;
  if (!input.userId && !email) {
    throw new DomainError("client_required", "Provide user_id or email of the paying client", {
      field: "user_id",
    });
  }
  return {
    where: and(
      eq(users.role, "client"),
      input.userId ? eq(users.id, input.userId) : eq(users.email, email!),
    )!,
    email,
  };
}

function checkClient<C extends { id: number; email: string }>(
  input: RecordPaymentInput,
  email: string | null,
  client: C | undefined,
): C {
  if (!client) throw notFound("Client");
  if (input.userId && email && client.email !== email) {
    throw new DomainError("client_mismatch", "user_id and email name different clients", {
      field: "email",
    });
  }
  return client;
}

async function resolveClient(tx: Tx, input: RecordPaymentInput): Promise<{ id: number }> {
  const { where, email } = clientWhere(input);
  const [client] = await tx.select({ id: users.id, email: users.email }).from(users).where(where).limit(1);
  return checkClient(input, email, client);
}

/**
 * The paying client and the subscription the payment belongs to, in one statement: the one with the
 * provider's subscription id, else one not yet linked to a provider id, newest first (or the newest
 * of any when no id is given).
 */
async function resolveClientAndSubscription(tx: Tx, input: RecordPaymentInput) {
  const { where, email } = clientWhere(input);
  const externalId = input.subscriptionExternalId ?? null;
  const latest = tx
    .select()
    .from(subscriptions)
    .where(
      and(
        sql`${subscriptions.userId} = ${users.id}`,
        externalId
          ? sql`(${subscriptions.externalId} = ${externalId} OR ${subscriptions.externalId} IS NULL)`
          : undefined,
      ),
    )
    .orderBy(
      externalId ? sql`(${subscriptions.externalId} = ${externalId}) DESC NULLS LAST` : sql`1`,
      desc(subscriptions.createdAt),
      desc(subscriptions.id),
    )
    .limit(1)
    .as("subscription");
  const [row] = await tx
    .select({
      id: users.id,
      email: users.email,
      // Referred clients' payments prefetch the commission inputs (recordIncoming); others have none.
      referred: sql<boolean>`EXISTS (SELECT 1 FROM referral_usage_log l WHERE l.referred_user_id = ${users.id})`,
      subscription: {
        id: latest.id,
        status: latest.status,
        continuousSince: latest.continuousSince,
        externalId: latest.externalId,
      },
    })
    .from(users)
    .leftJoinLateral(latest, sql`true`)
    .where(where)
    .limit(1);
  const client = checkClient(input, email, row);
  return { client: { id: client.id, referred: row!.referred }, subscription: row!.subscription };
}

function normalizedCurrency(currency: string | undefined): string {
  return normalizeCurrency(currency ?? DEFAULT_CURRENCY);
}
