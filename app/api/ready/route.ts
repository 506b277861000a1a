import { ensureReady } from "@/seed/bootstrap";
import { errorResponse } from "@/lib/http";
import { isDraining } from "@/lib/observability/lifecycle.mjs";

export const dynamic = "force-dynamic";

/**
 * Readiness: 200 once the database is open, migrated and seeded; 503 while it is not, and from SIGTERM
 * on while the instance drains (server.mjs answers that itself; this covers `next start` and dev).
 */
export async function GET() {
  if (isDraining())
    return errorResponse(503, "Shutting down", { code: "draining", headers: { "Retry-After": "5" } });
  try {
    const { database } = await ensureReady();
    return Response.json({ success: true, data: { status: "ready", database } });
  } catch (error) {
    console.error("[ready] database not ready", error);
    return errorResponse(503, "Database is not ready");
  }
}
