// Generic plans for the rest of a transaction whose statements are short and keyed by ids and unique
// values (a signup). PostgreSQL's default (`plan_cache_mode = auto`) plans a prepared statement afresh on
// every execution whenever it estimates the generic plan dearer than a custom one — for the signup's facts
// that estimate is off (an unnest of a parameter array, an `<>` filter) and its planning took 0.6–1 ms
// against 0.1 ms to run, at 100k referrals; the generic plan is the same plan (issue 12). Only for the
// transaction (`SET LOCAL`): reports and searches over skewed data keep their custom plans.
import { sql } from "drizzle-orm";
import type { Tx } from "./types";

/**
 * Sends the setting. Start it together with the transaction's first statement (`Promise.all`): the driver
 * writes both in one packet, so it costs no round trip of its own, and it is in force before that statement
 * is planned.
 */
export async function useGenericPlans(tx: Tx): Promise<void> {
  await tx.execute(sql`SET LOCAL plan_cache_mode = force_generic_plan`);
}
