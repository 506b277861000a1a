import disposableDomains from "disposable-email-domains";
import type { FraudFlag } from "@/db/schema";
import { emailDomain } from "./normalize-email";

const disposable = new Set<string>(disposableDomains as string[]);

export const VELOCITY_WINDOW_MINUTES = Number(process.env.FRAUD_VELOCITY_WINDOW_MINUTES ?? 60);
export const VELOCITY_MAX_SIGNUPS = Number(process.env.FRAUD_VELOCITY_MAX_SIGNUPS ?? 3);

export function isDisposableDomain(email: string): boolean {
  const domain = emailDomain(email);
  // Sub-domains of a disposable service are disposable too (x.mailinator.com).
  const parts = domain.split(".");
  for (let i = 0; i < parts.length - 1; i++) if (disposable.has(parts.slice(i).join("."))) return true;
  return false;
}

/** What the fraud rules know of the person signing up with a code. */
export type ReferredSignals = {
  email: string;
  normalizedEmail: string;
  phone: string | null;
  ipHash: string | null;
  deviceId: string | null;
};

export type FraudEvidence = {
  referrer: {
    normalizedEmail: string;
    phone: string | null;
    lastIpHash: string | null;
    lastDeviceId: string | null;
  };
  referred: ReferredSignals;
  // Signups already logged on this code from the same address inside the velocity window.
  recentSignupsFromIp: number;
  // Another account already uses the same mailbox under a different spelling (dots, +tag).
  emailAliasOfExisting: boolean;
};

/** Refused outright (SPEC): a referral by the same mailbox or phone as the code's owner. */
export function isOwnCode(e: FraudEvidence): boolean {
  if (e.referrer.normalizedEmail === e.referred.normalizedEmail) return true;
  return Boolean(e.referrer.phone && e.referred.phone && e.referrer.phone === e.referred.phone);
}

/** Flags (the signup succeeds but waits for review), each with the reason shown to admins. */
export function fraudFlags(e: FraudEvidence): FraudFlag[] {
  const flags: FraudFlag[] = [];
  if (e.referred.ipHash && e.referred.ipHash === e.referrer.lastIpHash) {
    flags.push({ rule: "same_ip_as_referrer", reason: "Signed up from the same IP address as the referrer" });
  }
  if (e.referred.deviceId && e.referred.deviceId === e.referrer.lastDeviceId) {
    flags.push({
      rule: "same_device_as_referrer",
      reason: "Signed up on the same device (browser cookie) as the referrer",
    });
  }
  if (e.recentSignupsFromIp >= VELOCITY_MAX_SIGNUPS) {
    flags.push({
      rule: "ip_velocity",
      reason: `${e.recentSignupsFromIp + 1} signups on this code from one IP address within ${VELOCITY_WINDOW_MINUTES} minutes`,
    });
  }
  if (e.emailAliasOfExisting) {
    flags.push({
      rule: "email_alias",
      reason: "The e-mail address is an alias (dots or +tag) of an existing account",
    });
  }
  if (isDisposableDomain(e.referred.email)) {
    flags.push({
      rule: "disposable_email",
      reason: `Disposable e-mail domain (${emailDomain(e.referred.email)})`,
    });
  }
  return flags;
}
