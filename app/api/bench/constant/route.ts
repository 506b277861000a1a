export const dynamic = "force-dynamic";

const BODY = JSON.stringify({ success: true, data: { status: "ok", items: [1, 2, 3] } });

/**
 * `npm run bench`'s baseline: what a route handler of this build costs with no database, no session and
 * no parsing. It exists only on a server started with MUSENEST_BENCH=1 (the bench starts its own);
 * everywhere else it answers 404 like any unknown path.
 */
export function GET() {
  if (process.env.MUSENEST_BENCH !== "1") {
    return Response.json({ success: false, error: "Not found" }, { status: 404 });
  }
  return new Response(BODY, { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}
