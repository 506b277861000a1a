import { referralExportQuerySchema } from "@/lib/validation/referral-report";
import { payoutBatchIdParamsSchema } from "@/lib/validation/payouts";
import { defineOperations } from "../operation";

export const adminOperations = defineOperations([
  {
    method: "get",
    path: "/api/admin/referral-export",
    operationId: "exportReferrals",
    tag: "Admin",
    summary: "Bulk export of referrals, with every filter of the admin table",
    description:
      "Streamed JSON or CSV (`format`); `X-Total-Count` is the filtered total, for progress bars. Audited.",
    access: "admin",
    query: referralExportQuerySchema,
    responses: {
      200: {
        description: "The export as an attachment (`application/json` or `text/csv`).",
        kind: "file",
        contentType: "application/json",
        headers: { "X-Total-Count": "How many referrals match the filters." },
      },
    },
  },
  {
    method: "get",
    path: "/api/admin/payout-batches/{id}/csv",
    operationId: "downloadPayoutBatchCsv",
    tag: "Admin",
    summary: "A payout batch for finance, one line per referrer (CSV)",
    access: "admin",
    params: payoutBatchIdParamsSchema,
    responses: { 200: { description: "The CSV as an attachment.", kind: "file", contentType: "text/csv" } },
    errors: { 404: "No such payout batch." },
  },
]);
