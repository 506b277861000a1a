import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { notificationPreferences, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { DomainError } from "@/lib/errors";
import {
  ADMIN_NOTIFICATION_KINDS,
  NOTIFICATION_KINDS,
  REFERRER_NOTIFICATION_KINDS,
  type NotificationKind,
} from "./messages";

type Role = (typeof users.$inferSelect)["role"];

/** The kinds a user can receive: every referrer kind, and the admin kinds for admins. */
export function kindsForRole(role: Role): readonly NotificationKind[] {
  return role === "admin" ? NOTIFICATION_KINDS : REFERRER_NOTIFICATION_KINDS;
}

export function isAdminKind(kind: NotificationKind): boolean {
  return (ADMIN_NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

/** Each of the user's kinds and whether it is on (no row: on, the monthly summary included). */
export async function loadNotificationPreferences(
  db: DbOrTx,
  userId: number,
  role: Role,
): Promise<{ kind: NotificationKind; enabled: boolean }[]> {
  const rows = await db
    .select({ kind: notificationPreferences.kind, enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const stored = new Map(rows.map((r) => [r.kind, r.enabled]));
  return kindsForRole(role).map((kind) => ({ kind, enabled: stored.get(kind) ?? true }));
}

/** Saves the whole set at once (the preferences form sends every checkbox); one statement. */
export async function saveNotificationPreferences(
  db: DbOrTx,
  input: { userId: number; role: Role; enabled: readonly NotificationKind[]; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  const on = new Set(input.enabled);
  const kinds = kindsForRole(input.role);
  const foreign = input.enabled.find((k) => !kinds.includes(k));
  if (foreign)
    throw new DomainError("not_your_kind", "This kind of notification is for admins only", { status: 403 });
  await db
    .insert(notificationPreferences)
    .values(kinds.map((kind) => ({ userId: input.userId, kind, enabled: on.has(kind), updatedAt: now })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { enabled: sql`excluded.enabled`, updatedAt: now },
    });
}

/** Turns one kind off (the unsubscribe link). */
export async function turnOffNotificationKind(
  db: DbOrTx,
  input: { userId: number; kind: NotificationKind; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  await db
    .insert(notificationPreferences)
    .values({ userId: input.userId, kind: input.kind, enabled: false, updatedAt: now })
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { enabled: false, updatedAt: now },
    });
}

/** `userId:kind` for every (recipient, kind) among these that is turned off. */
export async function turnedOff(
  db: DbOrTx,
  userIds: readonly number[],
  kinds: readonly NotificationKind[],
): Promise<Set<string>> {
  if (!userIds.length || !kinds.length) return new Set();
  const rows = await db
    .select({ userId: notificationPreferences.userId, kind: notificationPreferences.kind })
    .from(notificationPreferences)
    .where(
      and(
        inArray(notificationPreferences.userId, [...new Set(userIds)]),
        inArray(notificationPreferences.kind, [...new Set(kinds)]),
        eq(notificationPreferences.enabled, false),
      ),
    );
  return new Set(rows.map((r) => `${r.userId}:${r.kind}`));
}

/** Whether the user has turned this kind off (the unsubscribe page's "done" reads it rather than trusting the URL). */
export async function isNotificationKindOff(
  db: DbOrTx,
  userId: number,
  kind: NotificationKind,
): Promise<boolean> {
  const [row] = await db
    .select({ enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind)));
  return row?.enabled === false;
}
