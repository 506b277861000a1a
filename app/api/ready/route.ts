import { ensureReady } from "@/seed/bootstrap";
import { errorResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Readiness: 200 once the database is open, migrated and seeded; 503 while it is not. */
export async function GET() {
  try {
    const { database } = await ensureReady();
    return Response.json({ success: true, data: { status: "ready", database } });
  } catch (error) {
    console.error("[ready] database not ready", error);
    return errorResponse(503, "Database is not ready");
  }
}
