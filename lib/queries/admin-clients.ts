import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import type { DbOrTx } from "@/db/types";
import { inCommissionBucket } from "@/lib/commissions/commission-buckets";
import { CLIENTS_PER_PAGE, type ClientListSearch } from "@/lib/validation/clients";
import { userSearchCondition } from "./user-search";

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
  if (search.q) conditions.push(userSearchCondition(search.q, { accountNumber: true, codes: true }));
  const rows = rowsOf<Record<string, unknown>>(
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
  );
  const clients = rows.slice(0, CLIENTS_PER_PAGE).map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    email: String(r.email),
    accountNumber: (r.account_number as string | null) ?? null,
    status: r.status as ClientListItem["status"],
    createdAt: String(r.created_at),
    referrals: Number(r.referrals),
    codes: Number(r.codes),
    referredBy: (r.referred_by as string | null) ?? null,
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
  stats: {
    referrals: number;
    flagged: number;
    clicks: number;
    pendingCents: number;
    approvedCents: number;
    paidCents: number;
  };
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

/** One client for `/admin/clients/[id]`: account, who referred them, their codes and their referrals. */
export async function getClientDetail(db: DbOrTx, id: number): Promise<ClientDetail | null> {
  const [user] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT u.id, u.name, u.email, u.phone, u.status::text AS status, u.account_number, u.slug, u.business_type,
             u.must_change_password, u.points_balance, ${iso("u.created_at")} AS created_at,
             ${iso("u.last_sign_in_at")} AS last_sign_in_at,
             r.id AS referrer_id, r.name AS referrer_name, r.email AS referrer_email, u.referral_code_used,
             (SELECT count(*) FROM referral_usage_log l WHERE l.referrer_user_id = u.id)::int AS referrals,
             (SELECT count(*) FROM referral_usage_log l WHERE l.referrer_user_id = u.id AND l.is_flagged)::int AS flagged,
             (SELECT count(*) FROM referral_clicks k JOIN referral_codes rc ON rc.id = k.referral_code_id
               WHERE rc.client_id = u.id)::int AS clicks,
             (SELECT COALESCE(sum(c.amount_cents), 0) FROM commissions c
               WHERE c.beneficiary_user_id = u.id AND ${inCommissionBucket("onHold")})::bigint AS pending_cents,
             (SELECT COALESCE(sum(c.amount_cents), 0) FROM commissions c
               WHERE c.beneficiary_user_id = u.id AND ${inCommissionBucket("approved")})::bigint AS approved_cents,
             (SELECT COALESCE(sum(c.amount_cents), 0) FROM commissions c
               WHERE c.beneficiary_user_id = u.id AND ${inCommissionBucket("paid")})::bigint AS paid_cents
        FROM users u LEFT JOIN users r ON r.id = u.referred_by_user_id
       WHERE u.id = ${id}::int AND u.role = 'client'`),
  );
  if (!user) return null;
  const [codes, referrals] = await Promise.all([
    db.execute(sql`
      SELECT rc.id, rc.code, rc.code_name, rc.usage_count, rc.usage_limit, rc.is_active,
             ${iso("rc.expires_at")} AS expires_at, camp.campaign_name,
             (SELECT count(*) FROM referral_clicks k WHERE k.referral_code_id = rc.id)::int AS clicks
        FROM referral_codes rc LEFT JOIN referral_campaigns camp ON camp.id = rc.campaign_id
       WHERE rc.client_id = ${id}::int
       ORDER BY rc.created_at, rc.id`),
    db.execute(sql`
      SELECT l.id, ${iso("l.used_at")} AS used_at, l.code_used, d.id AS referred_id, d.name AS referred_name,
             d.email AS referred_email, l.is_flagged, l.commission_amount_cents, l.commission_paid
        FROM referral_usage_log l JOIN users d ON d.id = l.referred_user_id
       WHERE l.referrer_user_id = ${id}::int
       ORDER BY l.used_at DESC, l.id DESC
       LIMIT 20`),
  ]);
  return {
    id: Number(user.id),
    name: String(user.name),
    email: String(user.email),
    phone: (user.phone as string | null) ?? null,
    status: user.status as ClientDetail["status"],
    accountNumber: (user.account_number as string | null) ?? null,
    slug: (user.slug as string | null) ?? null,
    businessType: String(user.business_type),
    mustChangePassword: Boolean(user.must_change_password),
    createdAt: String(user.created_at),
    lastSignInAt: (user.last_sign_in_at as string | null) ?? null,
    pointsBalance: Number(user.points_balance),
    referredBy:
      user.referrer_id === null
        ? null
        : {
            id: Number(user.referrer_id),
            name: String(user.referrer_name),
            email: String(user.referrer_email),
            code: (user.referral_code_used as string | null) ?? null,
          },
    stats: {
      referrals: Number(user.referrals),
      flagged: Number(user.flagged),
      clicks: Number(user.clicks),
      pendingCents: Number(user.pending_cents),
      approvedCents: Number(user.approved_cents),
      paidCents: Number(user.paid_cents),
    },
    codes: rowsOf<Record<string, unknown>>(codes).map((c) => ({
      id: Number(c.id),
      code: String(c.code),
      codeName: (c.code_name as string | null) ?? null,
      usageCount: Number(c.usage_count),
      usageLimit: c.usage_limit === null ? null : Number(c.usage_limit),
      isActive: Boolean(c.is_active),
      expiresAt: (c.expires_at as string | null) ?? null,
      campaignName: (c.campaign_name as string | null) ?? null,
      clicks: Number(c.clicks),
    })),
    recentReferrals: rowsOf<Record<string, unknown>>(referrals).map((r) => ({
      id: Number(r.id),
      usedAt: String(r.used_at),
      codeUsed: String(r.code_used),
      referredId: Number(r.referred_id),
      referredName: String(r.referred_name),
      referredEmail: String(r.referred_email),
      isFlagged: Boolean(r.is_flagged),
      commissionAmountCents: Number(r.commission_amount_cents),
      commissionPaid: Boolean(r.commission_paid),
    })),
  };
}

/** Tiers a new client's trial can start on (the create form's choice). */
export async function listSubscriptionTierOptions(db: DbOrTx): Promise<{ id: number; name: string }[]> {
  return rowsOf<{ id: number; name: string }>(
    await db.execute(sql`SELECT id, name FROM subscription_tiers WHERE is_active ORDER BY sort_order, id`),
  ).map((t) => ({ id: Number(t.id), name: String(t.name) }));
}
