import { isDraining } from "@/lib/observability/lifecycle.mjs";

export const dynamic = "force-dynamic";

/**
 * Liveness: the process answers. It reads no database on purpose — a database outage must not make an
 * orchestrator restart every healthy instance; readiness (/api/ready) is the check that includes it.
 */
export function GET() {
  return Response.json(
    {
      success: true,
      data: { status: "alive", draining: isDraining(), uptimeSeconds: Math.round(process.uptime()) },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
