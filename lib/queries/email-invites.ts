import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { jsonCol, jsonRead, readJson, type JsonRead } from "@/db/json-batch";
import { emailInvites, referralCodes, users } from "@/db/schema";
import { timestampParam } from "@/db/sql-values";
import type { DbOrTx } from "@/db/types";
import { countInvitesInLastDay, DAILY_INVITE_LIMIT } from "@/lib/invites/send-email-invites";
import type { AdminInvitesSearch } from "@/lib/validation/email-invites";

/**
 * The codes a referrer can invite with right now: their own, active, not expired, not used up — as a JSON
 * read, so the dashboard reads them within its batch.
 */
export function inviteCodesRead(
  referrerUserId: number,
  now: Date,
): JsonRead<Array<{ id: number; code: string }>> {
  const query = sql`
    SELECT json_agg(json_build_object('id', rc.id, 'code', rc.code) ORDER BY rc.created_at, rc.id)
      FROM referral_codes rc
     WHERE rc.client_id = ${referrerUserId} AND rc.is_active
       AND (rc.expires_at IS NULL OR rc.expires_at > ${timestampParam(now)})
       AND (rc.usage_limit IS NULL OR rc.usage_count < rc.usage_limit)`;
  return jsonRead(query, jsonCol.list(z.object({ id: jsonCol.int, code: jsonCol.text })));
}

export function listInviteCodes(
  db: DbOrTx,
  referrerUserId: number,
  now: Date,
): Promise<Array<{ id: number; code: string }>> {
  return readJson(db, inviteCodesRead(referrerUserId, now));
}

// One invite as both the dashboard and the admin outbox list it (the code is null once it's deleted).
const inviteColumns = {
  id: emailInvites.id,
  email: emailInvites.email,
  code: referralCodes.code,
  status: emailInvites.status,
  reason: emailInvites.statusReason,
  createdAt: emailInvites.createdAt,
  sentAt: emailInvites.sentAt,
};

export type RecentInvite = {
  id: number;
  email: string;
  code: string | null;
  status: (typeof emailInvites.$inferSelect)["status"];
  reason: string | null;
  createdAt: string;
  sentAt: string | null;
};

/** The dashboard card: a referrer's latest invites (skipped ones too, with their reason) and today's allowance. */
export async function getReferrerInvites(
  db: DbOrTx,
  referrerUserId: number,
  now: Date,
  limit = 10,
): Promise<{ recent: RecentInvite[]; remainingToday: number }> {
  const [rows, used] = await Promise.all([
    db
      .select(inviteColumns)
      .from(emailInvites)
      .leftJoin(referralCodes, eq(referralCodes.id, emailInvites.referralCodeId))
      .where(eq(emailInvites.referrerUserId, referrerUserId))
      .orderBy(desc(emailInvites.createdAt), desc(emailInvites.id))
      .limit(limit),
    countInvitesInLastDay(db, referrerUserId, now),
  ]);
  return {
    recent: rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
    })),
    remainingToday: Math.max(0, DAILY_INVITE_LIMIT - used),
  };
}

export const ADMIN_INVITES_LIMIT = 200;

export type AdminInvite = RecentInvite & {
  referrer: { id: number; name: string; email: string };
  subject: string;
  body: string;
};

/** `/admin/invites`: the outbox and send history, newest first, optionally one status only. */
export async function listInvitesForAdmin(db: DbOrTx, search: AdminInvitesSearch): Promise<AdminInvite[]> {
  const referrer = alias(users, "referrer");
  const rows = await db
    .select({
      ...inviteColumns,
      subject: emailInvites.subject,
      body: emailInvites.body,
      referrerId: referrer.id,
      referrerName: referrer.name,
      referrerEmail: referrer.email,
    })
    .from(emailInvites)
    .innerJoin(referrer, eq(referrer.id, emailInvites.referrerUserId))
    .leftJoin(referralCodes, eq(referralCodes.id, emailInvites.referralCodeId))
    .where(and(search.status ? eq(emailInvites.status, search.status) : undefined))
    .orderBy(desc(emailInvites.createdAt), desc(emailInvites.id))
    .limit(ADMIN_INVITES_LIMIT);
  return rows.map(({ referrerId, referrerName, referrerEmail, ...r }) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    referrer: { id: referrerId, name: referrerName, email: referrerEmail },
  }));
}
