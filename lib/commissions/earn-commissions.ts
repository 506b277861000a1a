import { eventsFromRowsSql } from "@/lib/events/record-event";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { commissions, type CampaignTier, type payments } from "@/db/schema";
import { commissionType, reviewStatus, userStatus } from "@/db/schema/enums";
import { batchColumns, jsonCol, jsonRead, parseBatchRow, readBatch } from "@/db/json-batch";
import { col, rowsAs } from "@/db/rows";
import type { DbOrTx } from "@/db/types";
import { BASE_CURRENCY } from "@/lib/money/currencies";
import { settingsRead } from "@/lib/settings";
import { calculateCommission, wholeMonthsBetween, type CampaignTerms } from "./calculate-commission";
import { referralSummaryUpdateWith } from "./referral-summary";
import type { Commission } from "./reverse-commissions";

type Payment = typeof payments.$inferSelect;
const DAY_MS = 86_400_000;

/** The paying client's referral, read once per payment for the commissions and the points release. */
export type PayerReferral = {
  id: number;
  reviewStatus: (typeof reviewStatus.enumValues)[number];
  commissionEligible: boolean;
  campaignId: number | null;
  /** The referrer, row-locked (FOR UPDATE) — only when the referral can earn: it has one and is not rejected. */
  referrer: { id: number; status: (typeof userStatus.enumValues)[number]; partnerId: number | null } | null;
  /** The referrer's points held until this client's first payment exist: the release has work to do. */
  holdsPointsForFirstPayment: boolean;
};

/**
 * The referral of the client `referredUserId` names (null if they were not referred) as a subquery for a
 * LATERAL join, which also takes the referrer's row lock. Locking the referrer serialises their commission
 * decisions: the qualified-referral count that sets the tier and the one-time bonus are read (in a LATER
 * statement, with a fresh snapshot) after any concurrent payment of theirs has committed. recordPayment
 * runs it in the statement that writes the payment, so the lock is held from there to the commit and not
 * a round trip longer. Read its columns with readPayerReferral.
 */
export function payerReferralLocked(referredUserId: SQL): SQL {
  return sql`
    SELECT l.id AS referral_id, l.review_status, l.commission_eligible, rc.campaign_id,
           ref.id AS referrer_id, ref.status AS referrer_status, ref.partner_id,
           EXISTS (SELECT 1 FROM points_ledger p
                    WHERE p.referral_id = l.id AND p.status = 'pending' AND p.awaits_first_payment) AS holds_points
      FROM referral_usage_log l
      LEFT JOIN referral_codes rc ON rc.id = l.referral_code_id
      LEFT JOIN LATERAL (
        SELECT u.id, u.status, u.partner_id FROM users u
         WHERE u.id = l.referrer_user_id AND l.review_status <> 'rejected'
           FOR UPDATE
      ) ref ON true
     WHERE l.referred_user_id = ${referredUserId}
     LIMIT 1`;
}

/** payerReferralLocked's columns (all null when the client was not referred), named apart from a payment's. */
export const payerReferralColumns = z.object({
  referral_id: col.nullableInt,
  review_status: z.enum(reviewStatus.enumValues).nullable(),
  commission_eligible: col.bool.nullable(),
  campaign_id: col.nullableInt,
  referrer_id: col.nullableInt,
  referrer_status: z.enum(userStatus.enumValues).nullable(),
  partner_id: col.nullableInt,
  holds_points: col.bool.nullable(),
});

export function readPayerReferral(row: z.infer<typeof payerReferralColumns>): PayerReferral | null {
  if (row.referral_id === null) return null;
  return {
    id: row.referral_id,
    reviewStatus: row.review_status!,
    commissionEligible: row.commission_eligible!,
    campaignId: row.campaign_id,
    referrer:
      row.referrer_id === null
        ? null
        : { id: row.referrer_id, status: row.referrer_status!, partnerId: row.partner_id },
    holdsPointsForFirstPayment: row.holds_points!,
  };
}

const campaignJson = z.object({
  id: jsonCol.int,
  campaign_name: jsonCol.text,
  commission_type: z.enum(commissionType.enumValues),
  commission_value: jsonCol.int,
  // Stored as the admin saved it (jsonb); the rules read it as the table's own type does.
  tiers: z.unknown().transform((v) => (v ?? null) as CampaignTier[] | null),
  bonus_threshold: jsonCol.nullableInt,
  bonus_amount_cents: jsonCol.nullableInt,
  starts_at: jsonCol.nullableTimestamp,
  ends_at: jsonCol.nullableTimestamp,
  is_active: jsonCol.bool,
});

/** What the commission inputs are keyed by: parameters, or the columns of prefetchCommissionInputs' CTE. */
type InputKeys = { referralId: SQL; referrerId: SQL; partnerId: SQL; campaignId: SQL; subscriptionId: SQL };

/**
 * Everything the commission rules read besides the payment, in ONE statement (each part a subquery on its
 * own index): the referrer's qualified count, the settings, the campaign, the partner, the retention run
 * and whether the one-time bonuses were already earned. A NULL key (no campaign, partner or subscription)
 * finds no row.
 */
function commissionInputsRead(k: InputKeys) {
  const earned = (level: "bonus" | "retention", where: SQL) =>
    sql`EXISTS (SELECT 1 FROM commissions c
                 WHERE c.level = ${level} AND c.kind = 'earning' AND c.status <> 'rejected' AND ${where})`;
  return {
    qualified: jsonRead(
      sql`SELECT qualified_referrals FROM referrer_stats WHERE user_id = ${k.referrerId}`,
      jsonCol.nullableInt,
      (n) => n ?? 0,
    ),
    settings: settingsRead(["commissionHoldDays", "retentionBonusMonths", "retentionBonusCents"] as const),
    campaign: jsonRead(
      sql`SELECT row_to_json(c) FROM (
            SELECT id, campaign_name, commission_type, commission_value, tiers, bonus_threshold,
                   bonus_amount_cents, starts_at, ends_at, is_active
              FROM referral_campaigns WHERE id = ${k.campaignId}) c`,
      campaignJson.nullable(),
    ),
    bonusPaid: jsonRead(
      sql`SELECT ${k.campaignId} IS NULL OR ${earned(
        "bonus",
        sql`c.beneficiary_user_id = ${k.referrerId} AND c.campaign_id = ${k.campaignId}`,
      )}`,
      jsonCol.bool,
    ),
    partner: jsonRead(
      sql`SELECT json_build_object('status', status, 'override_bps', partner_override_bps)
            FROM users WHERE id = ${k.partnerId}`,
      z.object({ status: z.enum(userStatus.enumValues), override_bps: jsonCol.nullableInt }).nullable(),
    ),
    continuousSince: jsonRead(
      sql`SELECT to_json(continuous_since) FROM subscriptions WHERE id = ${k.subscriptionId}`,
      jsonCol.nullableTimestamp,
    ),
    retentionPaid: jsonRead(
      sql`SELECT ${earned("retention", sql`c.referral_id = ${k.referralId}`)}`,
      jsonCol.bool,
    ),
  };
}

type CommissionInputs = Awaited<ReturnType<typeof parseBatchRow<ReturnType<typeof commissionInputsRead>>>>;

/** The commission inputs of a payment, prefetched: with the referral keys they were read for. */
export type PrefetchedInputs = {
  referralId: number | null;
  referrerId: number | null;
  partnerId: number | null;
  campaignId: number | null;
  inputs: CommissionInputs;
};

const int = (value: number | null) => sql`${value}::int`;
const prefetchKeys = z.object({
  referral_id: col.nullableInt,
  referrer_id: col.nullableInt,
  partner_id: col.nullableInt,
  campaign_id: col.nullableInt,
});

/**
 * The commission inputs of client `clientId`'s payment, keyed by the client (the referral, its referrer,
 * partner and campaign found in the same statement). Why: recordPayment sends it right behind the
 * statement that writes the payment and takes the referrer's lock, on the same connection without waiting
 * for that answer (pipelined). PostgreSQL runs a connection's statements in order and takes this one's
 * snapshot when it starts — after the lock was granted, so it sees every earlier payment of the referrer
 * committed, as a statement sent after the answer would — and the lock is held one round trip less.
 * earnCommissions uses the result only if the keys equal those the locked statement read.
 */
export async function prefetchCommissionInputs(
  tx: DbOrTx,
  clientId: number,
  subscriptionId: number | null,
): Promise<PrefetchedInputs> {
  const reads = commissionInputsRead({
    referralId: sql`k.referral_id`,
    referrerId: sql`k.referrer_id`,
    partnerId: sql`k.partner_id`,
    campaignId: sql`k.campaign_id`,
    subscriptionId: int(subscriptionId),
  });
  const result = await tx.execute(sql`
    WITH k AS (
      SELECT l.id AS referral_id, rc.campaign_id, u.id AS referrer_id, u.partner_id
        FROM referral_usage_log l
        LEFT JOIN referral_codes rc ON rc.id = l.referral_code_id
        LEFT JOIN users u ON u.id = l.referrer_user_id AND l.review_status <> 'rejected'
       WHERE l.referred_user_id = ${clientId}
       LIMIT 1)
    SELECT k.referral_id, k.referrer_id, k.partner_id, k.campaign_id, ${batchColumns(reads)}
      FROM (SELECT 1) one LEFT JOIN k ON true`);
  const raw = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows)[0];
  const [row] = rowsAs([raw], prefetchKeys);
  return {
    referralId: row.referral_id,
    referrerId: row.referrer_id,
    partnerId: row.partner_id,
    campaignId: row.campaign_id,
    inputs: parseBatchRow(reads, raw as Record<string, unknown>),
  };
}

/**
 * The ledger rows one incoming payment earns, written in the caller's transaction: nothing when the
 * payer was not referred, when the referral was rejected, or when the referrer is not active (a
 * suspended referrer earns nothing new). A referral still in review earns, but its rows wait on hold
 * until an admin releases it (see approve-due.ts). `referral` is payerReferralLocked's answer, read (and the
 * referrer locked) by the statement that wrote the payment row.
 */
export async function earnCommissions(
  tx: DbOrTx,
  payment: Payment,
  referral: PayerReferral | null,
  /** prefetchCommissionInputs' answer: used when it read the same referral, referrer, partner and campaign. */
  prefetched?: PrefetchedInputs,
): Promise<Commission[]> {
  return (await sendCommissions(tx, payment, referral, prefetched)).rows;
}

/**
 * earnCommissions up to SENDING its last statement: resolves once the INSERT is on its way to the
 * database (handed to the driver, which keeps a connection's statements in order), to the promise of its
 * rows. recordPayment lets the transaction's COMMIT follow it without waiting for its answer: the
 * referrer's lock (and the counters the INSERT's triggers move) is then released one round trip sooner.
 * The rows' promise has a handler attached; its failure is the caller's to throw (a COMMIT after a failed
 * statement rolls the transaction back).
 */
export async function sendCommissions(
  tx: DbOrTx,
  payment: Payment,
  referral: PayerReferral | null,
  prefetched?: PrefetchedInputs,
): Promise<{ rows: Promise<Commission[]> }> {
  const none = { rows: Promise.resolve([] as Commission[]) };
  const referrer = referral?.referrer;
  if (!referral || !referrer || referrer.status !== "active") return none;

  const inputs =
    prefetched &&
    prefetched.referralId === referral.id &&
    prefetched.referrerId === referrer.id &&
    prefetched.partnerId === referrer.partnerId &&
    prefetched.campaignId === referral.campaignId
      ? prefetched.inputs
      : await readBatch(
          tx,
          commissionInputsRead({
            referralId: int(referral.id),
            referrerId: int(referrer.id),
            partnerId: int(referrer.partnerId),
            campaignId: int(referral.campaignId),
            subscriptionId: int(payment.subscriptionId),
          }),
        );
  const { commissionHoldDays: holdDays, retentionBonusMonths, retentionBonusCents } = inputs.settings;
  const campaign: CampaignTerms | null = inputs.campaign && {
    id: inputs.campaign.id,
    campaignName: inputs.campaign.campaign_name,
    commissionType: inputs.campaign.commission_type,
    commissionValue: inputs.campaign.commission_value,
    tiers: inputs.campaign.tiers,
    bonusThreshold: inputs.campaign.bonus_threshold,
    bonusAmountCents: inputs.campaign.bonus_amount_cents,
    startsAt: inputs.campaign.starts_at,
    endsAt: inputs.campaign.ends_at,
    isActive: inputs.campaign.is_active,
  };
  const retention =
    retentionBonusMonths <= 0 || payment.subscriptionId === null || !inputs.continuousSince
      ? null
      : {
          requiredMonths: retentionBonusMonths,
          monthsContinuous: wholeMonthsBetween(inputs.continuousSince, payment.occurredAt),
          bonusCents: retentionBonusCents,
          alreadyPaid: inputs.retentionPaid,
        };

  const lines = calculateCommission({
    paymentCents: payment.amountCents,
    occurredAt: payment.occurredAt,
    qualifiedReferrals: inputs.qualified,
    campaign,
    // A referral in review does not unlock the campaign bonus: it does not count as qualified yet.
    campaignBonusPaid: (campaign ? inputs.bonusPaid : true) || !referral.commissionEligible,
    partnerOverrideBps: inputs.partner?.status === "active" ? inputs.partner.override_bps : null,
    retention,
  });
  if (!lines.length) return none;

  const holdUntil = new Date(payment.occurredAt.getTime() + holdDays * DAY_MS);
  const written = tx.$with("written").as(
    tx
      .insert(commissions)
      .values(
        lines.map((line) => ({
          beneficiaryUserId: line.level === "partner" ? referrer.partnerId! : referrer.id,
          referralId: referral.id,
          paymentId: payment.id,
          campaignId: line.campaignId,
          level: line.level,
          kind: "earning" as const,
          amountCents: line.amountCents,
          currency: commissionCurrency(line, payment),
          rateBps: line.rateBps,
          status: "pending" as const,
          holdUntil,
          note: line.note,
          createdAt: payment.createdAt,
          updatedAt: payment.createdAt,
        })),
      )
      // The one-time bonus and retention bonus have unique indexes: a lost race adds nothing.
      .onConflictDoNothing()
      .returning(),
  );
  // The referral's summaries refreshed in the same statement, from its rows and the ones written here.
  const summarised = tx
    .$with("summarised", { id: sql<number>`id` })
    .as(sql`${referralSummaryUpdateWith(referral.id, sql`written`)} RETURNING l.id`);
  // …and their commission.created events (the outbox) too: one round trip for the whole payment.
  const announced = tx
    .$with("announced", { id: sql<string>`id` })
    .as(sql`${eventsFromRowsSql("commission.created", sql`written`)} RETURNING id`);
  const rows = tx
    .with(written, summarised, announced)
    .select()
    .from(written)
    .execute()
    .then((r) => r.sort((a, b) => a.id - b.id));
  rows.catch(() => {});
  // The driver is handed the statement within microtasks (drizzle's and the driver's promise steps, no
  // I/O): after a macrotask turn it is queued on the connection ahead of anything the caller sends next.
  await new Promise((resolve) => setImmediate(resolve));
  return { rows };
}

/**
 * A commission's currency (issue 13): a percentage of a payment is in the payment's currency, in its minor
 * units (10% of ¥5,001 is ¥500, floored once); a flat amount (flat campaign commission, campaign bonus,
 * retention bonus) is configured in the base currency and paid in it. No exchange rates anywhere.
 */
export function commissionCurrency(
  line: { rateBps: number | null },
  payment: Pick<Payment, "currency">,
): string {
  return line.rateBps === null ? BASE_CURRENCY : payment.currency;
}
