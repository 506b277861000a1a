import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { NOTIFICATION_KINDS, type NotificationKind } from "./messages";

// One-click unsubscribe links (RFC 8058) work without signing in, so the link itself is the authority:
// `<user id>.<kind>.<HMAC-SHA256 of both under the server secret>`. Nothing is stored, a link never
// expires (an old message's link must still work), and it turns off only its own kind for its own user:
// changing either part breaks the signature.

function signature(userId: number, kind: NotificationKind, secret: string): Buffer {
  return createHmac("sha256", secret).update(`musenest:notifications:unsubscribe:${userId}:${kind}`).digest();
}

function serverSecret(): string {
  ensureAuthSecret();
  return process.env.NEXTAUTH_SECRET!;
}

export function unsubscribeToken(userId: number, kind: NotificationKind, secret = serverSecret()): string {
  return `${userId}.${kind}.${signature(userId, kind, secret).toString("base64url")}`;
}

/** The user and kind a token was made for, or null for anything forged, altered or malformed. */
export function verifyUnsubscribeToken(
  token: string,
  secret = serverSecret(),
): { userId: number; kind: NotificationKind } | null {
  const match = /^(\d{1,10})\.([a-z_]{1,40})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const userId = Number(match[1]);
  const kind = NOTIFICATION_KINDS.find((k) => k === match[2]);
  if (!kind || !Number.isSafeInteger(userId) || userId < 1) return null;
  // Compared as text: the canonical encoding only (base64url's last character has spare bits, so two
  // spellings would decode to the same bytes).
  const given = Buffer.from(match[3]);
  const expected = Buffer.from(signature(userId, kind, secret).toString("base64url"));
  return given.length === expected.length && timingSafeEqual(given, expected) ? { userId, kind } : null;
}
