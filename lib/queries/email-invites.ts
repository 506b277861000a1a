import "server-only";
import { and, asc, desc, eq, gt, isNull, lt, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { emailInvites, referralCodes, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { countInvitesInLastDay, DAILY_INVITE_LIMIT } from "@/lib/invites/send-email-invites";
import type { AdminInvitesSearch } from "@/lib/validation/email-invites";

/** The codes a referrer can invite with right now: their own, active, not expired, not used up. */
export async function listInviteCodes(
  db: DbOrTx,
  referrerUserId: number,
  now: Date,
): Promise<Array<{ id: number; code: string }>> {
  return db
    .select({ id: referralCodes.id, code: referralCodes.code })
    .from(referralCodes)
    .where(
      and(
        eq(referralCodes.clientId, referrerUserId),
        eq(referralCodes.isActive, true),
        or(isNull(referralCodes.expiresAt), gt(referralCodes.expiresAt, now)),
        or(isNull(referralCodes.usageLimit), lt(referralCodes.usageCount, referralCodes.usageLimit)),
      ),
    )
    .orderBy(asc(referralCodes.createdAt), asc(referralCodes.id));
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
