// Every route handler the fuzz suite attacks: its file and method (checked against app/ by the coverage
// test), who may call it, and the zod schemas of its params, query and body with one valid example each.
import type { z } from "zod";
import { referralExportQuerySchema } from "@/lib/validation/referral-report";
import { myReferralsQuerySchema } from "@/lib/validation/my-referrals";
import { redeemSchema } from "@/lib/validation/redemptions";
import { createClientSchema } from "@/lib/validation/signup";
import { clientPartnerSchema } from "@/lib/validation/clients";
import { commissionListQuerySchema, recordPaymentSchema } from "@/lib/validation/payments";
import { referralAnalyticsQuerySchema } from "@/lib/validation/analytics";
import { createReferralCodeSchema, updateReferralCodeSchema } from "@/lib/validation/referral-codes";
import { leaderboardQuerySchema } from "@/lib/validation/leaderboard";
import { issueEmbedTokenSchema, revokeEmbedTokensQuerySchema } from "@/lib/validation/embed";
import { createWebhookEndpointSchema, updateWebhookEndpointSchema } from "@/lib/validation/webhook-endpoints";
import { passwordResetConfirmSchema, passwordResetRequestSchema } from "@/lib/validation/account-recovery";
import { unsubscribeSchema } from "@/lib/validation/notifications";
import type { Who } from "./runner";

/** Ids of real rows, so hostile values in one field meet an otherwise valid request. */
export type FuzzContext = { clientId: number; codeId: number; marker: string; unique: () => string };

export type RouteTarget = {
  file: string;
  method: string;
  /** `:id`, `:codeId`, `:code` are filled from the context (valid) or with hostile segments. */
  path: string;
  /** The caller that gets past authorization, so the hostile input reaches the parsing and the domain. */
  who: Who;
  /** Admins and API keys only: a client is refused even with a valid request. */
  adminOnly?: boolean;
  query?: z.ZodType;
  validQuery?: (ctx: FuzzContext) => Record<string, string>;
  body?: z.ZodType;
  validBody?: (ctx: FuzzContext) => Record<string, unknown>;
  /** Handled by its own generator (signatures, next-auth's CSRF dance). */
  special?: "stripe" | "nextauth";
};

export const routeTargets: RouteTarget[] = [
  {
    file: "app/api/admin/referral-export/route.ts",
    method: "GET",
    path: "/api/admin/referral-export",
    who: "admin",
    adminOnly: true,
    query: referralExportQuerySchema,
    validQuery: () => ({ format: "json", start_date: "2025-01-01", end_date: "2025-12-31" }),
  },
  {
    file: "app/api/admin/payout-batches/[id]/csv/route.ts",
    method: "GET",
    path: "/api/admin/payout-batches/:id/csv",
    who: "admin",
    adminOnly: true,
  },
  {
    file: "app/api/auth/[...nextauth]/route.ts",
    method: "GET",
    path: "/api/auth/session",
    who: "anonymous",
    special: "nextauth",
  },
  {
    file: "app/api/auth/[...nextauth]/route.ts",
    method: "POST",
    path: "/api/auth/callback/credentials",
    who: "anonymous",
    special: "nextauth",
  },
  {
    file: "app/api/me/referrals/route.ts",
    method: "GET",
    path: "/api/me/referrals",
    who: "client",
    query: myReferralsQuerySchema,
    validQuery: () => ({ page: "1", per_page: "25" }),
  },
  { file: "app/api/me/route.ts", method: "GET", path: "/api/me", who: "client" },
  {
    file: "app/api/rewards/redeem/route.ts",
    method: "POST",
    path: "/api/rewards/redeem",
    who: "client",
    body: redeemSchema,
    // A reward that does not exist: the valid example must not spend the client's points.
    validBody: () => ({ catalog_item_id: 999_999 }),
  },
  { file: "app/api/rewards/route.ts", method: "GET", path: "/api/rewards", who: "client" },
  { file: "app/api/ready/route.ts", method: "GET", path: "/api/ready", who: "anonymous" },
  { file: "app/api/health/route.ts", method: "GET", path: "/api/health", who: "anonymous" },
  // The OpenAPI document and its viewer (public, no input).
  { file: "app/api/openapi.json/route.ts", method: "GET", path: "/api/openapi.json", who: "anonymous" },
  { file: "app/docs/api/route.ts", method: "GET", path: "/docs/api", who: "anonymous" },
  { file: "app/docs/api/scalar.js/route.ts", method: "GET", path: "/docs/api/scalar.js", who: "anonymous" },
  // Prometheus scrape: an API key (or METRICS_TOKEN) only; a signed-in session is not enough.
  { file: "app/api/metrics/route.ts", method: "GET", path: "/api/metrics", who: "apiKey" },
  // `npm run bench`'s baseline: 404 on every server the bench did not start (MUSENEST_BENCH unset).
  { file: "app/api/bench/constant/route.ts", method: "GET", path: "/api/bench/constant", who: "anonymous" },
  {
    file: "app/api/clients/route.ts",
    method: "POST",
    path: "/api/clients",
    who: "admin",
    adminOnly: true,
    body: createClientSchema,
    validBody: (ctx) => ({
      name: `Fuzz ${ctx.marker}`,
      email: `${ctx.marker}.${ctx.unique()}@example.org`,
      business_type: "creator",
      description: `Fuzz ${ctx.marker}`,
      template_id: 1,
      subscription_tier_id: 2,
      region_id: 1,
      client_type: "muse_owned",
      referral_code: "MAYA2025",
    }),
  },
  {
    file: "app/api/clients/[id]/commissions/route.ts",
    method: "GET",
    path: "/api/clients/:id/commissions",
    who: "admin",
    query: commissionListQuerySchema,
    validQuery: () => ({ limit: "10" }),
  },
  {
    file: "app/api/clients/[id]/partner/route.ts",
    method: "PUT",
    path: "/api/clients/:id/partner",
    who: "admin",
    adminOnly: true,
    body: clientPartnerSchema,
    // Clearing a partner the fuzz client never had: valid, and it changes nothing.
    validBody: () => ({ partner_user_id: null }),
  },
  {
    file: "app/api/clients/[id]/referral-analytics/route.ts",
    method: "GET",
    path: "/api/clients/:id/referral-analytics",
    who: "admin",
    query: referralAnalyticsQuerySchema,
    validQuery: () => ({ period: "monthly", month: "2025-06" }),
  },
  {
    file: "app/api/clients/[id]/referral-codes/route.ts",
    method: "GET",
    path: "/api/clients/:id/referral-codes",
    who: "admin",
  },
  {
    file: "app/api/clients/[id]/referral-codes/route.ts",
    method: "POST",
    path: "/api/clients/:id/referral-codes",
    who: "admin",
    body: createReferralCodeSchema,
    validBody: (ctx) => ({ code_name: `Fuzz ${ctx.marker}`, usage_limit: 5, expires_at: "2099-12-31" }),
  },
  {
    file: "app/api/clients/[id]/referral-codes/[codeId]/route.ts",
    method: "PATCH",
    path: "/api/clients/:id/referral-codes/:codeId",
    who: "admin",
    body: updateReferralCodeSchema,
    validBody: (ctx) => ({ code_name: `Fuzz ${ctx.marker}`, usage_limit: 1000, is_active: true }),
  },
  {
    file: "app/api/clients/[id]/referral-codes/[codeId]/qr/route.ts",
    method: "GET",
    path: "/api/clients/:id/referral-codes/:codeId/qr",
    who: "admin",
    validQuery: () => ({ format: "svg" }),
  },
  {
    file: "app/api/clients/[id]/referral-codes/suggestions/route.ts",
    method: "POST",
    path: "/api/clients/:id/referral-codes/suggestions",
    who: "admin",
  },
  {
    file: "app/api/payments/route.ts",
    method: "POST",
    path: "/api/payments",
    who: "apiKey",
    adminOnly: true,
    body: recordPaymentSchema,
    // An unknown payer: the valid example is refused by the domain (404), never recorded.
    validBody: (ctx) => ({
      external_id: `inv_${ctx.marker}_${ctx.unique()}`,
      email: `nobody.${ctx.marker}@example.org`,
      amount_cents: 3995,
      currency: "usd",
      type: "payment",
      occurred_at: "2025-06-01T12:00:00Z",
    }),
  },
  {
    file: "app/api/embed-tokens/route.ts",
    method: "POST",
    path: "/api/embed-tokens",
    who: "apiKey",
    adminOnly: true,
    body: issueEmbedTokenSchema,
    // A real client and the shortest lifetime: the token it issues opens only that client's panel.
    validBody: (ctx) => ({ user_id: ctx.clientId, ttl_seconds: 60 }),
  },
  {
    file: "app/api/embed-tokens/route.ts",
    method: "DELETE",
    path: "/api/embed-tokens",
    who: "apiKey",
    adminOnly: true,
    query: revokeEmbedTokensQuerySchema,
    validQuery: (ctx) => ({ user_id: String(ctx.clientId) }),
  },
  {
    file: "app/api/embed-tokens/[id]/route.ts",
    method: "DELETE",
    path: "/api/embed-tokens/:id",
    who: "apiKey",
    adminOnly: true,
  },
  {
    file: "app/api/webhooks/stripe/route.ts",
    method: "POST",
    path: "/api/webhooks/stripe",
    who: "anonymous",
    special: "stripe",
  },
  {
    file: "app/api/referral-codes/validate/[code]/route.ts",
    method: "GET",
    path: "/api/referral-codes/validate/:code",
    who: "anonymous",
  },
  {
    file: "app/api/leaderboard/route.ts",
    method: "GET",
    path: "/api/leaderboard",
    who: "client",
    query: leaderboardQuerySchema,
    validQuery: () => ({ period: "all", limit: "10" }),
  },
  // Webhook endpoints (admin or API key). The valid URL does not resolve here (no network), so the valid
  // example is refused (400) and creates nothing; `:id` is a client id, so by-id calls meet a 404.
  {
    file: "app/api/webhook-endpoints/route.ts",
    method: "GET",
    path: "/api/webhook-endpoints",
    who: "admin",
    adminOnly: true,
  },
  {
    file: "app/api/webhook-endpoints/route.ts",
    method: "POST",
    path: "/api/webhook-endpoints",
    who: "apiKey",
    adminOnly: true,
    body: createWebhookEndpointSchema,
    validBody: (ctx) => ({
      url: `https://hooks-${ctx.marker}.invalid/in`,
      events: ["commission.created"],
      description: `Fuzz ${ctx.marker}`,
    }),
  },
  {
    file: "app/api/webhook-endpoints/[id]/route.ts",
    method: "PATCH",
    path: "/api/webhook-endpoints/:id",
    who: "admin",
    adminOnly: true,
    body: updateWebhookEndpointSchema,
    validBody: (ctx) => ({ description: `Fuzz ${ctx.marker}`, events: ["payout.paid"] }),
  },
  {
    file: "app/api/webhook-endpoints/[id]/route.ts",
    method: "DELETE",
    path: "/api/webhook-endpoints/:id",
    who: "admin",
    adminOnly: true,
  },
  {
    file: "app/api/webhook-endpoints/[id]/rotate-secret/route.ts",
    method: "POST",
    path: "/api/webhook-endpoints/:id/rotate-secret",
    who: "admin",
    adminOnly: true,
  },
  {
    file: "app/api/webhook-endpoints/[id]/test/route.ts",
    method: "POST",
    path: "/api/webhook-endpoints/:id/test",
    who: "admin",
    adminOnly: true,
  },
  {
    file: "app/api/webhook-endpoints/[id]/deliveries/route.ts",
    method: "GET",
    path: "/api/webhook-endpoints/:id/deliveries",
    who: "admin",
    adminOnly: true,
  },
  {
    file: "app/api/webhook-deliveries/[id]/retry/route.ts",
    method: "POST",
    path: "/api/webhook-deliveries/:id/retry",
    who: "admin",
    adminOnly: true,
  },
  {
    file: "app/r/[code]/route.ts",
    method: "GET",
    path: "/r/:code",
    who: "anonymous",
    validQuery: () => ({ src: "qr" }),
  },
  {
    file: "app/api/auth/password-reset/route.ts",
    method: "POST",
    path: "/api/auth/password-reset",
    who: "anonymous",
    body: passwordResetRequestSchema,
    // An address with no account: 202 like any other, and no e-mail.
    validBody: (ctx) => ({ email: `${ctx.marker}.${ctx.unique()}@example.org` }),
  },
  {
    file: "app/api/auth/password-reset/confirm/route.ts",
    method: "POST",
    path: "/api/auth/password-reset/confirm",
    who: "anonymous",
    body: passwordResetConfirmSchema,
    // A token never issued: refused, nobody's password changes.
    validBody: () => ({
      token: "fuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuz",
      password: "Tangerine-Wobble-Quartz-93",
    }),
  },
  {
    // RFC 8058 one-click: mail providers POST /unsubscribe, which the proxy hands to this handler.
    file: "app/unsubscribe/one-click/route.ts",
    method: "POST",
    path: "/unsubscribe",
    who: "anonymous",
    query: unsubscribeSchema,
    // Well formed but never signed by this server: refused, nobody's preference changes.
    validQuery: () => ({ token: "1.referral_signed_up.fuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuz" }),
  },
];
