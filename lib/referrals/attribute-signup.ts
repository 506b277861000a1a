import type { DomainEventInput } from "@/lib/events/record-event";
import { randomBytes } from "node:crypto";
import type { FraudFlag } from "@/db/schema";
import { useGenericPlans } from "@/db/generic-plans";
import type { Db, Tx } from "@/db/types";
import type { ReferralSource } from "@/lib/enums";
import { hashPassword } from "@/lib/auth/password";
import { assignAccountNumber } from "@/lib/clients/account-number";
import { lastResortSlug, slugCandidates } from "@/lib/clients/slug";
import { DomainError, pgErrorCode, pgErrorInfo } from "@/lib/errors";
import { hashIp } from "@/lib/request-fingerprint";
import { awardReferralPoints } from "@/lib/rewards/award-referral-points";
import { rulesInForce } from "@/lib/rewards/load-reward-rules";
import { defaultCodeCandidates, insertDefaultCodeFallback } from "./create-code";
import { fraudFlags, isOwnCode } from "./fraud";
import { insertSignupRows } from "./insert-signup-rows";
import { accountEmail, normalizeEmail } from "./normalize-email";
import { readSignupFacts } from "./signup-facts";
import { canonicalLookupKey, CODE_CHECK_ERRORS, judgeCode } from "./validate-code";
import { domainMetrics } from "@/lib/observability/metrics.mjs";

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
    const created = await db.transaction(async (tx) => {
      // A malformed code is refused before any lookup; a well-formed one is looked up with the other facts.
      const canonical = input.referralCode ? canonicalLookupKey(input.referralCode) : null;
      if (input.referralCode && canonical === null) throw invalidCode(CODE_CHECK_ERRORS.invalid_format);

      const clientType = input.clientType ?? "muse_owned";
      const regionId = input.regionId ?? 1;
      const salesChannelId = input.salesChannelId ?? 30;
      // Every statement of the signup planned once per connection, not once per signup (db/generic-plans.ts).
      const [, facts] = await Promise.all([
        useGenericPlans(tx),
        readSignupFacts(tx, {
          email,
          normalizedEmail,
          slugCandidates: slugCandidates(input.name),
          tierId: input.subscriptionTierId ?? null,
          now,
          referral: canonical === null ? null : { canonicalCode: canonical, ipHash },
        }),
      ]);
      const checked = canonical === null ? null : judgeCode(facts.code ?? undefined, now);
      if (checked && !checked.valid) throw invalidCode(checked.error);
      const attribution = checked?.valid ? { code: checked.code, referrer: checked.referrer } : null;
      if (facts.emailTaken) throw emailTaken();
      const referred = {
        email,
        normalizedEmail,
        phone: input.phone ?? null,
        ipHash,
        deviceId: input.deviceId ?? null,
      };
      const evidence = attribution
        ? {
            referrer: facts.referrer!,
            referred,
            recentSignupsFromIp: facts.recentSignupsFromIp,
            emailAliasOfExisting: facts.emailAliasOfExisting,
          }
        : null;
      if (evidence && isOwnCode(evidence)) {
        throw new DomainError("own_referral_code", "You can't use your own referral code", {
          field: "referralCode",
        });
      }
      if (facts.tierId === null) {
        throw new DomainError("invalid_tier", "Subscription tier not found", {
          field: "subscription_tier_id",
        });
      }
      const flags = evidence ? fraudFlags(evidence) : [];
      const flagged = flags.length > 0;

      const name = input.name.trim();
      const codeCandidates = defaultCodeCandidates({ name, email }, now);
      // The user, trial, site, own code and the claimed code use (the trigger's conditional update refuses
      // a use past the limit) in one statement.
      const rows = await insertSignupRows(tx, {
        user: {
          email,
          normalizedEmail,
          name,
          passwordHash,
          mustChangePassword: tempPassword !== null,
          status: input.status ?? "active",
          phone: input.phone ?? null,
          businessType: input.businessType,
          description: input.description ?? null,
          templateId: input.templateId ?? null,
          aiConfig: input.aiConfig ?? null,
          clientType,
          regionId,
          salesChannelId,
          slug: facts.freeSlug ?? lastResortSlug(input.name),
          referralCodeUsed: attribution?.code.code ?? null,
          referredByUserId: attribution?.referrer.id ?? null,
          lastIpHash: ipHash,
          lastDeviceId: input.deviceId ?? null,
        },
        tierId: facts.tierId,
        trialEndsAt: new Date(now.getTime() + (input.trialDays ?? DEFAULT_TRIAL_DAYS) * 86_400_000),
        codeCandidates,
        usage: attribution
          ? {
              referralCodeId: attribution.code.id,
              referrerUserId: attribution.referrer.id,
              codeUsed: attribution.code.code,
              signupIp: input.ip ?? null,
              ipHash,
              signupUserAgent: input.userAgent ?? null,
              deviceId: input.deviceId ?? null,
              source: input.source ?? "manual",
              clickId: input.clickId ?? null,
              fraudFlags: flags,
              flagged,
            }
          : null,
        now,
      });
      const { user } = rows;
      const ownCode = rows.ownCode ?? (await insertDefaultCodeFallback(tx, user.id, codeCandidates));

      let referral: SignupResult["referral"] = null;
      if (attribution && rows.referralId !== null) {
        await awardReferralPoints(
          tx,
          {
            referralId: rows.referralId,
            referrerId: attribution.referrer.id,
            referredUserId: user.id,
            flagged,
            now,
          },
          { rules: rulesInForce(facts.ruleRows, now) },
        );
        await input.afterClaim?.(tx);
        referral = {
          id: rows.referralId,
          codeUsed: attribution.code.code,
          referrer: attribution.referrer,
          flags,
          commissionEligible: !flagged,
        };
      }
      const unnumbered: SignupResult = {
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          role: "client" as const,
          accountNumber: "",
          slug: user.slug,
        },
        siteId: rows.siteId,
        subscriptionId: rows.subscriptionId,
        tempPassword,
        ownCode: { id: ownCode.id, code: ownCode.code },
        referral,
      };
      // Last: the year's account-number row is every signup's lock, held from here to the commit. The
      // outbox's events (webhooks, notifications: the client and, when referred, its referral) go in with it,
      // client.created carrying the number.
      const accountNumber = await assignAccountNumber(
        tx,
        user.id,
        { clientType, regionId, salesChannelId, now },
        signupEvents(unnumbered, input.status ?? "active", now),
      );
      const result: SignupResult = { ...unnumbered, user: { ...unnumbered.user, accountNumber } };
      await input.onCreated?.(tx, result);
      return result;
    });
    domainMetrics().signups.inc({ referred: created.referral ? "yes" : "no" });
    return created;
  } catch (error) {
    throw translateSignupError(error);
  }
}

/** client.created, and referral.created (+ referral.flagged when the fraud rules held it) for a referred signup. */
function signupEvents(result: SignupResult, status: string, now: Date): DomainEventInput[] {
  const { user, referral } = result;
  const events: DomainEventInput[] = [
    {
      type: "client.created",
      data: {
        id: user.id,
        email: user.email,
        name: user.name,
        accountNumber: user.accountNumber,
        slug: user.slug,
        status,
        referralCode: result.ownCode.code,
        referredByUserId: referral?.referrer.id ?? null,
        createdAt: now,
      },
    },
  ];
  if (referral) {
    const data = {
      id: referral.id,
      referrerUserId: referral.referrer.id,
      referredUserId: user.id,
      codeUsed: referral.codeUsed,
      isFlagged: referral.flags.length > 0,
      fraudFlags: referral.flags,
      reviewStatus: referral.flags.length > 0 ? "pending" : "not_required",
      commissionEligible: referral.commissionEligible,
      usedAt: now,
    };
    events.push({ type: "referral.created", data });
    if (data.isFlagged) events.push({ type: "referral.flagged", data });
  }
  return events;
}

const invalidCode = (message: string) =>
  new DomainError("invalid_referral_code", message, { field: "referralCode" });

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
