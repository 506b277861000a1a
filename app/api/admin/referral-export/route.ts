import { startReferralExport } from "@/lib/exports/referral-export";
import { route } from "@/lib/http";
import { referralExportQuerySchema } from "@/lib/validation/referral-report";

export const dynamic = "force-dynamic";

/**
 * `GET /api/admin/referral-export` (admin session or API key): the seed's bulk export, with every filter
 * of the /admin table. JSON or CSV, streamed; `X-Total-Count` is the filtered total for progress bars.
 * `no-transform` keeps Next's gzip off this response: compressing a million rows in the app's one Node
 * process halved the download's rate (and the server's other work); a reverse proxy may still compress.
 */
export const GET = route(
  { access: "admin", query: referralExportQuerySchema },
  // The rows are read from the replica when there is one (a heavy read that may lag a moment).
  async ({ db, readDb, actor, query }) => {
    const result = await startReferralExport({ db, readDb }, query, actor);
    return new Response(result.body, {
      headers: {
        "Content-Type": result.contentType,
        "Content-Disposition": `attachment; filename="${result.filename}"`,
        "X-Total-Count": String(result.total),
        "Cache-Control": "no-store, no-transform",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
