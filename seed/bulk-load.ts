// The program seed's bulk mode: everything it writes goes in one transaction that first sets the loaded
// tables up for a load and at the end puts them back, so a crash leaves the database as it was.
//
//   - the tables' triggers dropped for the load and created again from their own definitions
//     (pg_get_triggerdef), every counter and rollup they keep set once from a recount afterwards
//     (rebuildRollups); for a superuser, session_replication_role = replica also skips the per-row
//     foreign-key checks (seed-program.test.ts checks every key afterwards);
//   - the secondary indexes of the loaded tables dropped and built again from their own definitions
//     (pg_get_indexdef) after the load: a sorted build instead of a million random insertions into each
//     btree and trigram index. Primary keys, constraint and partial indexes stay (the load joins on keys),
//     and so do the few whose keys grow with the load order (appends are cheap);
//   - no wait for the WAL flush at commit, and memory for sorts, hashes and index builds.
//
// The tables are locked (ACCESS EXCLUSIVE) until the seed commits: this is for `npm run db:seed`, not for
// a database serving requests. seed-program.test.ts holds the result to the same checks as before, and
// to every foreign key, index and trigger being back.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import type { DbOrTx } from "@/db/types";
import { rebuildRollups } from "@/lib/referrals/rebuild-rollups";

/** The tables the program seed bulk-writes. */
export const BULK_TABLES = [
  "users",
  "subscriptions",
  "client_sites",
  "payments",
  "referral_clicks",
  "referral_usage_log",
  "points_ledger",
  "commissions",
] as const;

/**
 * Indexes kept during the load: their keys grow with the load order (ids, signup and creation times), so
 * each insert appends to the rightmost leaf, cheaper than a full scan and sort to build them afterwards.
 */
const KEPT_DURING_LOAD = new Set([
  "users_created_at_idx",
  "subscriptions_user_idx",
  "client_sites_user_idx",
  "payments_user_idx",
  "referral_usage_log_referred_key",
  "referral_usage_log_used_at_idx",
  "points_ledger_referral_idx",
  "commissions_created_idx",
]);

type Dropped = { name: string; table: string; def: string; enabled: string };
export type BulkLoad = { indexes: Dropped[]; triggers: Dropped[] };

export async function beginBulkLoad(tx: DbOrTx): Promise<BulkLoad> {
  await tx.execute(sql`SET LOCAL synchronous_commit = off`);
  await tx.execute(sql`SET LOCAL work_mem = '256MB'`);
  await tx.execute(sql`SET LOCAL maintenance_work_mem = '512MB'`);
  // A superuser may skip the per-row foreign-key checks (internal triggers) for the session's writes.
  await tx.execute(sql`
    SELECT set_config('session_replication_role', 'replica', true) WHERE current_setting('is_superuser') = 'on'`);
  const tables = `{${BULK_TABLES.join(",")}}`;
  const dropped = z.object({ name: col.text, table: col.text, def: col.text, enabled: col.text });
  // Triggers are dropped, not disabled: a disabled statement trigger with a transition table still has
  // every inserted row copied into its tuplestore.
  const triggers = rowsAs(
    await tx.execute(sql`
      SELECT tgname::text AS name, tgrelid::regclass::text AS table, pg_get_triggerdef(oid) AS def,
             tgenabled::text AS enabled
        FROM pg_trigger WHERE tgrelid = ANY (${tables}::regclass[]) AND NOT tgisinternal
       ORDER BY tgrelid, tgname`),
    dropped,
  );
  for (const t of triggers) await tx.execute(sql.raw(`DROP TRIGGER ${t.name} ON ${t.table}`));
  // Indexes no constraint owns or relies on (a foreign key names the unique index it references). Partial
  // indexes stay: the load touches them only for the few rows their predicate admits.
  const indexes = rowsAs(
    await tx.execute(sql`
      SELECT i.indexrelid::regclass::text AS name, i.indrelid::regclass::text AS table,
             pg_get_indexdef(i.indexrelid) AS def, '' AS enabled
        FROM pg_index i
       WHERE i.indrelid = ANY (${tables}::regclass[]) AND i.indpred IS NULL
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
       ORDER BY i.indrelid, i.indexrelid`),
    dropped,
  ).filter((i) => !KEPT_DURING_LOAD.has(i.name));
  for (const index of indexes) await tx.execute(sql.raw(`DROP INDEX ${index.name}`));
  return { indexes, triggers };
}

/** Statistics for the planner between phases (the tables grew from nothing within the transaction). */
export async function analyzeBulkTables(tx: DbOrTx): Promise<void> {
  await tx.execute(sql.raw(`ANALYZE ${BULK_TABLES.join(", ")}`));
}

export async function finishBulkLoad(
  tx: DbOrTx,
  load: BulkLoad,
  onProgress?: (phase: string, done: number, total: number) => void,
): Promise<void> {
  // Statistics first: the last ANALYZE ran before the money was written (commissions were empty then),
  // and the recounts below join and group the loaded tables; planned from an empty commissions table they
  // probe referral_usage_log's key a million times instead of hashing it once.
  await analyzeBulkTables(tx);
  onProgress?.("analyze", 1, 1);
  // Before the triggers are back: the recount is written once, not moved again.
  await rebuildRollups(tx, (step) => onProgress?.(`rollup ${step}`, 1, 1));
  await tx.execute(sql`SET LOCAL session_replication_role = origin`);
  const state: Record<string, string> = { D: "DISABLE", R: "ENABLE REPLICA", A: "ENABLE ALWAYS" };
  for (const t of load.triggers) {
    await tx.execute(sql.raw(t.def));
    if (state[t.enabled])
      await tx.execute(sql.raw(`ALTER TABLE ${t.table} ${state[t.enabled]} TRIGGER ${t.name}`));
  }
  for (const [i, index] of load.indexes.entries()) {
    await tx.execute(sql.raw(index.def));
    onProgress?.("indexes", i + 1, load.indexes.length);
  }
  await analyzeBulkTables(tx);
}
