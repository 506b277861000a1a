import { startReferralExport } from "@/lib/exports/referral-export";
import { route } from "@/lib/http";
import { referralExportQuerySchema } from "@/lib/validation/referral-report";

export const dynamic = "force-dynamic";

/**
 * `GET /api/admin/referral-export` (admin session or API key): the seed's bulk export, with every filter
 * of the /admin table. JSON or CSV, streamed; `X-Total-Count` is the filtered total for progress bars.
 */
export const GET = route(
  { access: "admin", query: referralExportQuerySchema },
  async ({ db, actor, query }) => {
    const result = await startReferralExport(db, query, actor);
    return new Response(result.body, {
      headers: {
        "Content-Type": result.contentType,
        "Content-Disposition": `attachment; filename="${result.filename}"`,
        "X-Total-Count": String(result.total),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
