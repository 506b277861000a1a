import { payoutBatchCsv } from "@/lib/commissions/payout-csv";
import { route } from "@/lib/http";
import { payoutBatchIdParamsSchema } from "@/lib/validation/payouts";

export const dynamic = "force-dynamic";

/** `GET /api/admin/payout-batches/:id/csv` (admin): the batch for finance, one line per referrer. */
export const GET = route({ access: "admin", params: payoutBatchIdParamsSchema }, async ({ db, params }) => {
  const { filename, csv } = await payoutBatchCsv(db, params.id);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
});
