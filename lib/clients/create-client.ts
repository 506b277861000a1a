import type { Db } from "@/db/types";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { attributeSignup, type SignupResult } from "@/lib/referrals/attribute-signup";
import type { CreateClientBody } from "@/lib/validation/signup";

/**
 * An admin (in the browser) or an integration (API key) creates a client account: the seed's
 * `POST /api/clients`, through the same attributed signup as self-signup, with a temporary password
 * returned once. The audit row is written inside the signup's transaction.
 */
export async function createClient(
  db: Db,
  body: CreateClientBody,
  ctx: { actor: AuditActor; ip: string | null; userAgent: string | null; via: "admin" | "api" },
): Promise<SignupResult> {
  return attributeSignup(db, {
    name: body.name,
    email: body.email,
    phone: body.phone ?? null,
    businessType: body.business_type,
    description: body.description ?? null,
    templateId: body.template_id ?? null,
    subscriptionTierId: body.subscription_tier_id ?? null,
    aiConfig: body.ai_config ?? null,
    status: body.status,
    trialDays: body.trial_days,
    clientType: body.client_type,
    regionId: body.region_id,
    salesChannelId: body.sales_channel_id,
    referralCode: body.referral_code ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    source: body.source ?? (ctx.via === "api" ? "api" : "manual"),
    onCreated: (tx, result) =>
      writeAudit(tx, ctx.actor, {
        action: "client.create",
        entityType: "user",
        entityId: result.user.id,
        details: {
          email: result.user.email,
          accountNumber: result.user.accountNumber,
          via: ctx.via,
          referralCode: result.referral?.codeUsed ?? null,
        },
      }),
  });
}
