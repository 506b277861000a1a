import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { payouts, pointsLedger, referralUsageLog, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { maskEmail } from "@/lib/privacy/mask";
import type { NotificationKind, NotificationMessage } from "./messages";
import type { NotificationDraft } from "./queue-notifications";

// What each recorded domain event means for whom: the referrer of the referral, commission, payout or
// redemption; every admin for a flagged referral or a batch ready to pay. Payloads are as recorded
// (snake_case, lib/events/record-event.ts apiJson / eventsFromRowsSql's to_jsonb).

export type RecordedEvent = { id: string; type: string; payload: Record<string, unknown> };

const num = (v: unknown): number | null => (typeof v === "number" ? v : v == null ? null : Number(v));
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

function draft(
  event: RecordedEvent,
  userId: number,
  message: NotificationMessage,
  actionPath: string,
  suffix = "",
): NotificationDraft {
  return { userId, key: `${event.id}:${userId}:${message.kind}${suffix}`, message, actionPath };
}

async function maskedEmailOf(db: DbOrTx, userId: number | null): Promise<string> {
  if (userId === null) return "—";
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row ? maskEmail(row.email) : "—";
}

/** Every admin account that is active (the review queue, payouts and operations are theirs). */
export async function activeAdminIds(db: DbOrTx): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.status, "active")))
    .orderBy(users.id);
  return rows.map((r) => r.id);
}

export const ADMIN_ACTION_PATHS: Record<
  Extract<
    NotificationKind,
    "referral_flagged" | "payout_batch_ready" | "webhook_endpoint_disabled" | "job_failing"
  >,
  string
> = {
  referral_flagged: "/admin/review",
  payout_batch_ready: "/admin/payouts",
  webhook_endpoint_disabled: "/admin/webhooks",
  job_failing: "/admin/jobs",
};

/** The messages one event asks for (none for the types nobody is told about, `webhook.test` included). */
export async function draftsForEvent(db: DbOrTx, event: RecordedEvent): Promise<NotificationDraft[]> {
  const p = event.payload;
  switch (event.type) {
    case "referral.created": {
      const referrer = num(p.referrer_user_id);
      const referralId = num(p.id);
      if (referrer === null || referralId === null) return [];
      // The points this signup earned the referrer, recorded in the signup's own transaction.
      const [earned] = await db
        .select({ points: sql<number>`coalesce(sum(${pointsLedger.deltaPoints}), 0)::int` })
        .from(pointsLedger)
        .where(
          and(
            eq(pointsLedger.referralId, referralId),
            eq(pointsLedger.userId, referrer),
            gt(pointsLedger.deltaPoints, 0),
          ),
        );
      const message: NotificationMessage = {
        kind: "referral_signed_up",
        referredEmailMasked: await maskedEmailOf(db, num(p.referred_user_id)),
        code: str(p.code_used) ?? "",
        points: Number(earned?.points ?? 0),
      };
      return [draft(event, referrer, message, "/dashboard")];
    }
    case "referral.flagged": {
      const referralId = num(p.id);
      if (referralId === null) return [];
      const flags = Array.isArray(p.fraud_flags) ? (p.fraud_flags as { reason?: unknown }[]) : [];
      const message: NotificationMessage = {
        kind: "referral_flagged",
        referralId,
        referredEmailMasked: await maskedEmailOf(db, num(p.referred_user_id)),
        code: str(p.code_used) ?? "",
        reasons: flags.map((f) => str(f?.reason)).filter((r): r is string => r !== null),
      };
      const admins = await activeAdminIds(db);
      return admins.map((admin) => draft(event, admin, message, ADMIN_ACTION_PATHS.referral_flagged));
    }
    case "commission.approved": {
      const beneficiary = num(p.beneficiary_user_id);
      if (beneficiary === null) return [];
      const referralId = num(p.referral_id);
      const [referral] =
        referralId === null
          ? []
          : await db
              .select({ code: referralUsageLog.codeUsed, referredUserId: referralUsageLog.referredUserId })
              .from(referralUsageLog)
              .where(eq(referralUsageLog.id, referralId));
      const message: NotificationMessage = {
        kind: "commission_approved",
        amount: { cents: num(p.amount_cents) ?? 0, currency: str(p.currency) ?? "usd" },
        referredEmailMasked: await maskedEmailOf(db, referral?.referredUserId ?? null),
        code: referral?.code ?? null,
      };
      return [draft(event, beneficiary, message, "/dashboard")];
    }
    case "payout.paid": {
      const batchId = num(p.id);
      if (batchId === null) return [];
      const lines = await db
        .select({
          userId: payouts.beneficiaryUserId,
          cents: payouts.amountCents,
          currency: payouts.currency,
        })
        .from(payouts)
        .where(eq(payouts.batchId, batchId))
        .orderBy(payouts.beneficiaryUserId, payouts.currency);
      return lines
        .filter((line) => line.cents > 0)
        .map((line) =>
          draft(
            event,
            line.userId,
            {
              kind: "payout_sent",
              amount: { cents: line.cents, currency: line.currency },
              reference: str(p.reference),
            },
            "/dashboard",
            `:${line.currency}`,
          ),
        );
    }
    case "reward.redeemed": {
      const userId = num(p.user_id);
      if (userId === null) return [];
      const message: NotificationMessage = {
        kind: "coupon_redeemed",
        couponCode: str(p.coupon_code) ?? "",
        rewardName: str(p.item_name) ?? "",
        points: num(p.cost_points) ?? 0,
      };
      return [draft(event, userId, message, "/redeem")];
    }
    case "badge.earned":
    case "tier.reached": {
      const userId = num(p.user_id);
      const name = str(p.name);
      if (userId === null || name === null) return [];
      const message: NotificationMessage = {
        kind: "reward_reached",
        reward:
          event.type === "badge.earned"
            ? { type: "badge", name }
            : { type: "tier", name, multiplier: num(p.multiplier) ?? 1 },
      };
      return [draft(event, userId, message, "/dashboard/rewards")];
    }
    case "payout_batch.created": {
      const batchId = num(p.id);
      if (batchId === null) return [];
      const perCurrency =
        p.currency_totals && typeof p.currency_totals === "object"
          ? Object.entries(p.currency_totals as Record<string, unknown>)
          : [];
      const message: NotificationMessage = {
        kind: "payout_batch_ready",
        batchId,
        lines: num(p.lines) ?? 0,
        // Largest first, like every per-currency list in messages.ts.
        totals: perCurrency
          .map(([currency, cents]) => ({ currency, cents: num(cents) ?? 0 }))
          .sort((a, b) => b.cents - a.cents || a.currency.localeCompare(b.currency)),
      };
      const admins = await activeAdminIds(db);
      return admins.map((admin) => draft(event, admin, message, `/admin/payouts/${batchId}`));
    }
    default:
      return [];
  }
}
