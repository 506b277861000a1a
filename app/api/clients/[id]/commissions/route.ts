import { assertCanActFor } from "@/lib/auth/principal";
import { centsToDecimal } from "@/lib/format";
import { route } from "@/lib/http";
import { getCurrencyBalances } from "@/lib/queries/currency-balances";
import {
  commissionTotalsJson,
  currencyBalancesJson,
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
 * ledger (usd), the same buckets per currency (`by_currency`), and the latest ledger rows (`?limit=`,
 * default 50), each with its currency.
 */
export const GET = route(
  { access: "user", params: clientIdParamsSchema, query: commissionListQuerySchema },
  async ({ db, params, query, principal }) => {
    assertCanActFor(principal, params.id);
    await findClient(db, params.id);
    const [totals, byCurrency, entries] = await Promise.all([
      getCommissionTotals(db, params.id),
      getCurrencyBalances(db, params.id),
      getLedgerEntries(db, params.id, query.limit ?? 50),
    ]);
    return {
      summary: commissionTotalsJson(totals),
      by_currency: currencyBalancesJson(byCurrency),
      commissions: entries.map((e) => ({
        id: e.id,
        level: e.level,
        kind: e.kind,
        amount_cents: e.amountCents,
        amount: centsToDecimal(e.amountCents, e.currency),
        currency: e.currency,
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
