import "server-only";
import { BASE_CURRENCY } from "@/lib/money/currencies";
import { getCurrencyBalances, type CurrencyBalance } from "@/lib/queries/currency-balances";
import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { readJson } from "@/db/json-batch";
import { col, rowsAs } from "@/db/rows";
import { subscriptionTiers, userStatus } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { CLIENTS_PER_PAGE, type ClientListSearch } from "@/lib/validation/clients";
import { commissionBucketsRead } from "./commission-summary";
import { userSearchIds } from "./user-search";

export type ClientListItem = {
  id: number;
  name: string;
  email: string;
  accountNumber: string | null;
  status: "active" | "suspended" | "inactive";
  createdAt: string;
  referrals: number;
  codes: number;
  referredBy: string | null;
};

const clientStatus = z.enum(userStatus.enumValues);

const clientListRow = z.object({
  id: col.int,
  name: col.text,
  email: col.text,
  account_number: col.nullableText,
  status: clientStatus,
  created_at: col.text,
  referrals: col.int,
  codes: col.int,
  referred_by: col.nullableText,
});

/**
 * `/admin/clients`: clients newest first, keyset-paginated on id (no OFFSET), searchable by name,
 * e-mail, account number or one of their codes. Counts are per listed client (indexed look-ups).
 */
export async function listClients(
  db: DbOrTx,
  search: ClientListSearch,
): Promise<{ clients: ClientListItem[]; nextAfter: number | null }> {
  const conditions = [sql`u.role = 'client'`];
  if (search.status !== "all") conditions.push(sql`u.status = ${search.status}::user_status`);
  if (search.after) conditions.push(sql`u.id < ${search.after}::int`);
  // As an id set (trigram-indexed UNION), not an OR in this WHERE: that would walk every client by id.
  if (search.q)
    conditions.push(sql`u.id IN (${userSearchIds(search.q, { accountNumber: true, codes: true })})`);
  const rows = rowsAs(
    await db.execute(sql`
      WITH page AS (
        SELECT u.id, u.name, u.email, u.account_number, u.status, u.created_at, u.referred_by_user_id
          FROM users u
         WHERE ${sql.join(conditions, sql` AND `)}
         ORDER BY u.id DESC
         LIMIT ${CLIENTS_PER_PAGE + 1}::int
      )
      SELECT p.id, p.name, p.email, p.account_number, p.status::text AS status,
             to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
             (SELECT count(*) FROM referral_usage_log l WHERE l.referrer_user_id = p.id)::int AS referrals,
             (SELECT count(*) FROM referral_codes rc WHERE rc.client_id = p.id)::int AS codes,
             r.name AS referred_by
        FROM page p LEFT JOIN users r ON r.id = p.referred_by_user_id
       ORDER BY p.id DESC`),
    clientListRow,
  );
  const clients = rows.slice(0, CLIENTS_PER_PAGE).map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    accountNumber: r.account_number,
    status: r.status,
    createdAt: r.created_at,
    referrals: r.referrals,
    codes: r.codes,
    referredBy: r.referred_by,
  }));
  return {
    clients,
    nextAfter: rows.length > CLIENTS_PER_PAGE ? clients[clients.length - 1].id : null,
  };
}

export type ClientDetail = {
  id: number;
  name: string;
  email: string;
  phone: string | null;
  status: "active" | "suspended" | "inactive";
  accountNumber: string | null;
  slug: string | null;
  businessType: string;
  mustChangePassword: boolean;
  createdAt: string;
  lastSignInAt: string | null;
  pointsBalance: number;
  referredBy: { id: number; name: string; email: string; code: string | null } | null;
  /** The white-label partner (agency) this client belongs to, and its override rate. */
  partner: { id: number; name: string; overrideBps: number | null } | null;
  /** Set when this client is itself a partner: its override on its members' payments. */
  ownOverrideBps: number | null;
  /** From counters and rollups (referrer_stats, referral_code_stats, commission_totals), not a recount. */
  stats: {
    referrals: number;
    inReview: number;
    clicks: number;
    onHoldCents: number;
    approvedCents: number;
    paidCents: number;
  };
  /** The same buckets in currencies other than usd (getCurrencyBalances), one entry per currency. */
  otherCurrencies: CurrencyBalance[];
  codes: {
    id: number;
    code: string;
    codeName: string | null;
    usageCount: number;
    usageLimit: number | null;
    isActive: boolean;
    expiresAt: string | null;
    campaignName: string | null;
    clicks: number;
  }[];
  recentReferrals: {
    id: number;
    usedAt: string;
    codeUsed: string;
    referredId: number;
    referredName: string;
    referredEmail: string;
    isFlagged: boolean;
    commissionAmountCents: number;
    commissionPaid: boolean;
  }[];
};

const iso = (column: string) =>
  sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

const clientDetailRow = z.object({
  id: col.int,
  name: col.text,
  email: col.text,
  phone: col.nullableText,
  status: clientStatus,
  account_number: col.nullableText,
  slug: col.nullableText,
  business_type: col.text,
  must_change_password: col.bool,
  points_balance: col.int,
  created_at: col.text,
  last_sign_in_at: col.nullableText,
  referrer_id: col.nullableInt,
  referrer_name: col.nullableText,
  referrer_email: col.nullableText,
  referral_code_used: col.nullableText,
  referrals: col.int,
  in_review: col.int,
  clicks: col.int,
  partner_id: col.nullableInt,
  partner_name: col.nullableText,
  partner_override_bps: col.nullableInt,
  own_override_bps: col.nullableInt,
});

const clientCodeRow = z.object({
  id: col.int,
  code: col.text,
  code_name: col.nullableText,
  usage_count: col.int,
  usage_limit: col.nullableInt,
  is_active: col.bool,
  expires_at: col.nullableText,
  campaign_name: col.nullableText,
  clicks: col.int,
});

const clientReferralRow = z.object({
  id: col.int,
  used_at: col.text,
  code_used: col.text,
  referred_id: col.int,
  referred_name: col.text,
  referred_email: col.text,
  is_flagged: col.bool,
  commission_amount_cents: col.cents,
  commission_paid: col.bool,
});

/** One client for `/admin/clients/[id]`: account, who referred them, their codes and their referrals. */
export async function getClientDetail(db: DbOrTx, id: number): Promise<ClientDetail | null> {
  const [user] = rowsAs(
    await db.execute(sql`
      SELECT u.id, u.name, u.email, u.phone, u.status::text AS status, u.account_number, u.slug, u.business_type,
             u.must_change_password, u.points_balance, ${iso("u.created_at")} AS created_at,
             ${iso("u.last_sign_in_at")} AS last_sign_in_at,
             r.id AS referrer_id, r.name AS referrer_name, r.email AS referrer_email, u.referral_code_used,
             coalesce(st.referrals, 0)::int AS referrals, coalesce(st.in_review, 0)::int AS in_review,
             (SELECT coalesce(sum(cs.clicks), 0) FROM referral_codes rc
                JOIN referral_code_stats cs ON cs.referral_code_id = rc.id WHERE rc.client_id = u.id)::int AS clicks,
             p.id AS partner_id, p.name AS partner_name, p.partner_override_bps AS partner_override_bps,
             u.partner_override_bps AS own_override_bps
        FROM users u LEFT JOIN users r ON r.id = u.referred_by_user_id
        LEFT JOIN users p ON p.id = u.partner_id
        LEFT JOIN referrer_stats st ON st.user_id = u.id
       WHERE u.id = ${id}::int AND u.role = 'client'`),
    clientDetailRow,
  );
  if (!user) return null;
  const [codes, referrals, money, byCurrency] = await Promise.all([
    db.execute(sql`
      SELECT rc.id, rc.code, rc.code_name, rc.usage_count, rc.usage_limit, rc.is_active,
             ${iso("rc.expires_at")} AS expires_at, camp.campaign_name,
             coalesce(cs.clicks, 0)::int AS clicks
        FROM referral_codes rc LEFT JOIN referral_campaigns camp ON camp.id = rc.campaign_id
        LEFT JOIN referral_code_stats cs ON cs.referral_code_id = rc.id
       WHERE rc.client_id = ${id}::int
       ORDER BY rc.created_at, rc.id`),
    db.execute(sql`
      SELECT l.id, ${iso("l.used_at")} AS used_at, l.code_used, d.id AS referred_id, d.name AS referred_name,
             d.email AS referred_email, l.is_flagged, l.commission_amount_cents, l.commission_paid
        FROM referral_usage_log l JOIN users d ON d.id = l.referred_user_id
       WHERE l.referrer_user_id = ${id}::int
       ORDER BY l.used_at DESC, l.id DESC
       LIMIT 20`),
    // The same buckets as the client's own dashboard and GET /api/clients/:id/commissions.
    readJson(db, commissionBucketsRead(id)),
    getCurrencyBalances(db, id),
  ]);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    phone: user.phone,
    status: user.status,
    accountNumber: user.account_number,
    slug: user.slug,
    businessType: user.business_type,
    mustChangePassword: user.must_change_password,
    createdAt: user.created_at,
    lastSignInAt: user.last_sign_in_at,
    pointsBalance: user.points_balance,
    referredBy:
      user.referrer_id === null
        ? null
        : {
            id: user.referrer_id,
            name: String(user.referrer_name),
            email: String(user.referrer_email),
            code: user.referral_code_used,
          },
    partner:
      user.partner_id === null
        ? null
        : { id: user.partner_id, name: String(user.partner_name), overrideBps: user.partner_override_bps },
    ownOverrideBps: user.own_override_bps,
    stats: {
      referrals: user.referrals,
      inReview: user.in_review,
      clicks: user.clicks,
      onHoldCents: money.pendingCents,
      approvedCents: money.approvedCents,
      paidCents: money.paidCents,
    },
    otherCurrencies: byCurrency.filter((b) => b.currency !== BASE_CURRENCY),
    codes: rowsAs(codes, clientCodeRow).map((c) => ({
      id: c.id,
      code: c.code,
      codeName: c.code_name,
      usageCount: c.usage_count,
      usageLimit: c.usage_limit,
      isActive: c.is_active,
      expiresAt: c.expires_at,
      campaignName: c.campaign_name,
      clicks: c.clicks,
    })),
    recentReferrals: rowsAs(referrals, clientReferralRow).map((r) => ({
      id: r.id,
      usedAt: r.used_at,
      codeUsed: r.code_used,
      referredId: r.referred_id,
      referredName: r.referred_name,
      referredEmail: r.referred_email,
      isFlagged: r.is_flagged,
      commissionAmountCents: r.commission_amount_cents,
      commissionPaid: r.commission_paid,
    })),
  };
}

/** Tiers a new client's trial can start on (the create form's choice). */
export async function listSubscriptionTierOptions(db: DbOrTx): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: subscriptionTiers.id, name: subscriptionTiers.name })
    .from(subscriptionTiers)
    .where(eq(subscriptionTiers.isActive, true))
    .orderBy(asc(subscriptionTiers.sortOrder), asc(subscriptionTiers.id));
}
