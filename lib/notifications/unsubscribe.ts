import "server-only";
import type { DbOrTx } from "@/db/types";
import { DomainError } from "@/lib/errors";
import type { NotificationKind } from "./messages";
import { turnOffNotificationKind } from "./preferences";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

export const invalidUnsubscribeLink = () =>
  new DomainError(
    "invalid_unsubscribe_link",
    "This unsubscribe link is not valid. Open the newest message's link, or change your settings after signing in.",
    { status: 400 },
  );

/** The one-click unsubscribe (RFC 8058): the signed link alone turns its kind off for its user. */
export async function unsubscribeFromLink(
  db: DbOrTx,
  token: string,
  now: Date = new Date(),
): Promise<{ userId: number; kind: NotificationKind }> {
  const target = verifyUnsubscribeToken(token);
  if (!target) throw invalidUnsubscribeLink();
  await turnOffNotificationKind(db, { ...target, now });
  return target;
}

/** What a link would turn off, for the confirmation page (a GET changes nothing: link scanners open it). */
export function unsubscribeLinkTarget(token: string): { userId: number; kind: NotificationKind } | null {
  return verifyUnsubscribeToken(token);
}
