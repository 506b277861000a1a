import { randomBytes } from "node:crypto";
import { and, eq, gte, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/types";
import {
  clientSites,
  referralUsageLog,
  subscriptions,
  subscriptionTiers,
  users,
  type FraudFlag,
} from "@/db/schema";
import type { ReferralSource } from "@/lib/enums";
import type { Tx } from "@/db/types";
import { hashPassword } from "@/lib/auth/password";
import { allocateAccountNumber } from "@/lib/clients/account-number";
import { freeSlug } from "@/lib/clients/slug";
import { DomainError, pgErrorCode, pgErrorInfo } from "@/lib/errors";
import { hashIp } from "@/lib/request-fingerprint";
import { awardReferralPoints } from "@/lib/rewards/award-referral-points";
import { createDefaultCode } from "./create-code";
import { fraudFlags, isOwnCode, VELOCITY_WINDOW_MINUTES, type ReferredSignals } from "./fraud";
import { accountEmail, normalizeEmail } from "./normalize-email";
import { checkCode } from "./validate-code";

export const CODE_EXHAUSTED_MESSAGE = "Referral code has reached its usage limit";
/** The trial a new account starts with unless its creator says otherwise (the seed's `trial_days` default). */
export const DEFAULT_TRIAL_DAYS = 7;

export type SignupInput = {
  name: string;
  email: string;
  phone?: string | null;
  // Self-signup sets a password; accounts created by an admin or the API get a temporary one.
  password?: string | null;
  businessType: string;
  description?: string | null;
  templateId?: number | null;
  subscriptionTierId?: number | null;
  aiConfig?: Record<string, unknown> | null;
  status?: "active" | "suspended" | "inactive";
  trialDays?: number;
  clientType?: string;
  regionId?: number;
  salesChannelId?: number;
  referralCode?: string | null;
  // Request evidence for the usage log and the fraud rules.
  ip?: string | null;
  userAgent?: string | null;
  deviceId?: string | null;
  source?: ReferralSource;
  clickId?: number | null;
  now?: Date;
  // Test seam: runs inside the transaction after the code use is claimed (proves the rollback).
  afterClaim?: (tx: Tx) => Promise<void>;
  // Runs last inside the transaction with the result, so a caller's own writes (the audit row of an admin
  // creating the client) commit or roll back with the signup.
  onCreated?: (tx: Tx, result: SignupResult) => Promise<void>;
};

export type SignupResult = {
  user: { id: number; email: string; name: string; role: "client"; accountNumber: string; slug: string };
  siteId: number;
  subscriptionId: number;
  tempPassword: string | null;
  ownCode: { id: number; code: string };
  referral: null | {
    id: number;
    codeUsed: string;
    referrer: { id: number; name: string; email: string };
    flags: FraudFlag[];
    commissionEligible: boolean;
  };
};

function temporaryPassword(): string {
  return randomBytes(9).toString("base64url");
}

/**
 * Creates a client and, when a code is given, attributes the signup to its owner — in one transaction:
 * user, trial subscription, site, the client's own code, the claimed code use (the usage-count trigger
 * refuses a use past the limit), the usage-log row and the fraud verdict. Any failure leaves nothing.
 */
export async function attributeSignup(db: Db, input: SignupInput): Promise<SignupResult> {
  const now = input.now ?? new Date();
  const email = accountEmail(input.email);
  const normalizedEmail = normalizeEmail(email);
  const tempPassword = input.password ? null : temporaryPassword();
  // Hash outside the transaction: 20 ms of CPU should not hold row locks.
  const passwordHash = await hashPassword(input.password ?? tempPassword!);
  const ipHash = hashIp(input.ip);

  try {
    return await db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
      if (existing) throw emailTaken();

      let attribution: Awaited<ReturnType<typeof resolveReferral>> | null = null;
      if (input.referralCode) {
        attribution = await resolveReferral(tx, input.referralCode, now, {
          email,
          normalizedEmail,
          phone: input.phone ?? null,
          ipHash,
          deviceId: input.deviceId ?? null,
        });
      }

      const clientType = input.clientType ?? "muse_owned";
      const regionId = input.regionId ?? 1;
      const salesChannelId = input.salesChannelId ?? 30;
      const [user] = await tx
        .insert(users)
        .values({
          email,
          normalizedEmail,
          name: input.name.trim(),
          passwordHash,
          mustChangePassword: tempPassword !== null,
          role: "client",
          status: input.status ?? "active",
          phone: input.phone ?? null,
          businessType: input.businessType,
          description: input.description ?? null,
          templateId: input.templateId ?? null,
          aiConfig: input.aiConfig ?? null,
          clientType,
          regionId,
          salesChannelId,
          accountNumber: await allocateAccountNumber(tx, { clientType, regionId, salesChannelId, now }),
          slug: await freeSlug(tx, input.name),
          referralCodeUsed: attribution?.code.code ?? null,
          referredByUserId: attribution?.referrer.id ?? null,
          lastIpHash: ipHash,
          lastDeviceId: input.deviceId ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({
          id: users.id,
          email: users.email,
          name: users.name,
          accountNumber: users.accountNumber,
          slug: users.slug,
        });

      const tierId = await resolveTier(tx, input.subscriptionTierId);
      const [subscription] = await tx
        .insert(subscriptions)
        .values({
          userId: user.id,
          tierId,
          status: "trial",
          trialEndsAt: new Date(now.getTime() + (input.trialDays ?? DEFAULT_TRIAL_DAYS) * 86_400_000),
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: subscriptions.id });
      const [site] = await tx
        .insert(clientSites)
        .values({ userId: user.id, name: user.name, templateId: input.templateId ?? null, createdAt: now })
        .returning({ id: clientSites.id });
      const ownCode = await createDefaultCode(
        tx,
        { userId: user.id, name: user.name, email: user.email },
        now,
      );

      let referral: SignupResult["referral"] = null;
      if (attribution) {
        const flags = fraudFlags({
          ...attribution.evidence,
          recentSignupsFromIp: await recentSignupsFromIp(tx, attribution.code.id, ipHash, now),
        });
        const flagged = flags.length > 0;
        // The insert claims one use: the trigger's conditional update refuses it past the limit.
        const [row] = await tx
          .insert(referralUsageLog)
          .values({
            referralCodeId: attribution.code.id,
            referrerUserId: attribution.referrer.id,
            referredUserId: user.id,
            codeUsed: attribution.code.code,
            signupIp: input.ip ?? null,
            ipHash,
            signupUserAgent: input.userAgent ?? null,
            deviceId: input.deviceId ?? null,
            source: input.source ?? "manual",
            clickId: input.clickId ?? null,
            fraudFlags: flags,
            isFlagged: flagged,
            reviewStatus: flagged ? "pending" : "not_required",
            commissionEligible: !flagged,
            usedAt: now,
          })
          .returning({ id: referralUsageLog.id });
        await awardReferralPoints(tx, {
          referralId: row.id,
          referrerId: attribution.referrer.id,
          referredUserId: user.id,
          flagged,
          now,
        });
        await input.afterClaim?.(tx);
        referral = {
          id: row.id,
          codeUsed: attribution.code.code,
          referrer: attribution.referrer,
          flags,
          commissionEligible: !flagged,
        };
      }

      const result: SignupResult = {
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          role: "client" as const,
          accountNumber: user.accountNumber!,
          slug: user.slug!,
        },
        siteId: site.id,
        subscriptionId: subscription.id,
        tempPassword,
        ownCode: { id: ownCode.id, code: ownCode.code },
        referral,
      };
      await input.onCreated?.(tx, result);
      return result;
    });
  } catch (error) {
    throw translateSignupError(error);
  }
}

async function resolveReferral(tx: Tx, rawCode: string, now: Date, referred: ReferredSignals) {
  const checked = await checkCode(tx, rawCode, now);
  if (!checked.valid)
    throw new DomainError("invalid_referral_code", checked.error, { field: "referralCode" });
  const [referrer] = await tx
    .select({
      normalizedEmail: users.normalizedEmail,
      phone: users.phone,
      lastIpHash: users.lastIpHash,
      lastDeviceId: users.lastDeviceId,
    })
    .from(users)
    .where(eq(users.id, checked.referrer.id))
    .limit(1);
  const [alias] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.normalizedEmail, referred.normalizedEmail), ne(users.email, referred.email)))
    .limit(1);
  const evidence = { referrer, referred, recentSignupsFromIp: 0, emailAliasOfExisting: Boolean(alias) };
  if (isOwnCode(evidence)) {
    throw new DomainError("own_referral_code", "You can't use your own referral code", {
      field: "referralCode",
    });
  }
  return { code: checked.code, referrer: checked.referrer, evidence };
}

async function recentSignupsFromIp(
  tx: Tx,
  codeId: number,
  ipHash: string | null,
  now: Date,
): Promise<number> {
  if (!ipHash) return 0;
  const since = new Date(now.getTime() - VELOCITY_WINDOW_MINUTES * 60_000);
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(referralUsageLog)
    .where(
      and(
        eq(referralUsageLog.referralCodeId, codeId),
        eq(referralUsageLog.ipHash, ipHash),
        gte(referralUsageLog.usedAt, since),
      ),
    );
  return row.n;
}

async function resolveTier(tx: Tx, tierId: number | null | undefined): Promise<number> {
  const [tier] = await tx
    .select({ id: subscriptionTiers.id })
    .from(subscriptionTiers)
    .where(tierId ? eq(subscriptionTiers.id, tierId) : eq(subscriptionTiers.isActive, true))
    .orderBy(subscriptionTiers.sortOrder)
    .limit(1);
  if (!tier)
    throw new DomainError("invalid_tier", "Subscription tier not found", { field: "subscription_tier_id" });
  return tier.id;
}

const emailTaken = () =>
  new DomainError("email_taken", "An account with this e-mail already exists", {
    field: "email",
    status: 400,
  });

function translateSignupError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const info = pgErrorInfo(error);
  if (info?.message.includes("referral_code_exhausted")) {
    return new DomainError("code_exhausted", CODE_EXHAUSTED_MESSAGE, { field: "referralCode" });
  }
  if (pgErrorCode(error) === "23505") {
    if (info?.constraint === "users_email_key") return emailTaken();
    if (info?.constraint === "users_phone_key") {
      return new DomainError("phone_taken", "This phone number is already used by another account", {
        field: "phone",
      });
    }
  }
  if (pgErrorCode(error) === "23514" && info?.constraint === "referral_codes_within_limit") {
    return new DomainError("code_exhausted", CODE_EXHAUSTED_MESSAGE, { field: "referralCode" });
  }
  return error;
}
