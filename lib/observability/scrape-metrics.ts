import "server-only";
import { getDb } from "@/db/client";
import { readQueueDepth } from "@/lib/jobs/queue-depth";
import { authorizeMetricsScrape } from "./metrics-access";
import { metrics } from "./metrics.mjs";

/**
 * The Prometheus text of this instance, for an authorized scraper. The queue depth is read from the
 * shared job table here, at scrape time (one grouped count over a table pg-boss keeps small), so no
 * request pays for it.
 */
export async function scrapeMetrics(
  authorization: string | null,
): Promise<{ body: string; contentType: string }> {
  const db = await getDb();
  await authorizeMetricsScrape(db, authorization);
  const m = metrics();
  for (const { queue, state, jobs } of await readQueueDepth(db)) m.jobs.depth.set({ queue, state }, jobs);
  return { body: await m.registry.metrics(), contentType: m.registry.contentType };
}
