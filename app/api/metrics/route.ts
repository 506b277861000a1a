import type { NextRequest } from "next/server";
import { toErrorResponse } from "@/lib/http";
import { scrapeMetrics } from "@/lib/observability/scrape-metrics";

export const dynamic = "force-dynamic";

/** Prometheus scrape: `Authorization: Bearer <METRICS_TOKEN or an API key>`, else 401. */
export async function GET(req: NextRequest) {
  try {
    const { body, contentType } = await scrapeMetrics(req.headers.get("authorization"));
    return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
