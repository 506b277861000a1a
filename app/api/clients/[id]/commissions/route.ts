import { assertCanActFor } from "@/lib/auth/principal";
import { centsToDecimal } from "@/lib/format";
import { route } from "@/lib/http";
import {
  commissionTotalsJson,
  getCommissionTotals,
  getLedgerEntries,
  referralCommissionJson,
} from "@/lib/queries/commission-summary";
import { findClient } from "@/lib/referrals/find-client";
import { commissionListQuerySchema } from "@/lib/validation/payments";
import { clientIdParamsSchema } from "@/lib/validation/referral-codes";

export const dynamic = "force-dynamic";

/**
 * `GET /api/clients/:id/commissions` (the client or an admin): the seed's money fields summed from the
 * ledger, and the latest ledger rows (`?limit=`, default 50).
 */
export const GET = route(
  { access: "user", params: clientIdParamsSchema, query: commissionListQuerySchema },
  async ({ db, params, query, principal }) => {
    assertCanActFor(principal, params.id);
    await findClient(db, params.id);
    const [totals, entries] = await Promise.all([
      getCommissionTotals(db, params.id),
      getLedgerEntries(db, params.id, query.limit ?? 50),
    ]);
    return {
      summary: commissionTotalsJson(totals),
      commissions: entries.map((e) => ({
        id: e.id,
        level: e.level,
        kind: e.kind,
        amount_cents: e.amountCents,
        amount: centsToDecimal(e.amountCents),
        status: e.status,
        hold_until: e.holdUntil,
        created_at: e.createdAt,
        note: e.note,
        referral: e.referral
          ? {
              id: e.referral.id,
              code_used: e.referral.codeUsed,
              referred_user_email: e.referral.maskedEmail,
              ...referralCommissionJson(e.referral),
            }
          : null,
      })),
    };
  },
);
