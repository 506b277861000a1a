// The program seed's bulk mode: everything it writes goes in one transaction that first sets the loaded
// tables up for a load and at the end puts them back, so a crash leaves the database as it was.
//
//   - triggers off for the load (session_replication_role = replica when the role may set it, which also
//     skips the per-row foreign-key checks; else ALTER TABLE … DISABLE TRIGGER USER), and every counter
//     and rollup they keep set once from a recount afterwards (rebuildRollups);
//   - the secondary indexes of the loaded tables dropped and built again from their own definitions
//     (pg_get_indexdef) after the load: a sorted build instead of a million random insertions into each
//     btree and trigram index. Primary keys, constraint and partial indexes stay (the load joins on keys);
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

export type BulkLoad = { indexes: { name: string; def: string }[]; replica: boolean };

export async function beginBulkLoad(tx: DbOrTx): Promise<BulkLoad> {
  await tx.execute(sql`SET LOCAL synchronous_commit = off`);
  await tx.execute(sql`SET LOCAL work_mem = '256MB'`);
  await tx.execute(sql`SET LOCAL maintenance_work_mem = '512MB'`);
  const [{ replica }] = rowsAs(
    await tx.execute(sql`SELECT current_setting('is_superuser') = 'on' AS replica`),
    z.object({ replica: z.boolean() }),
  );
  if (replica) await tx.execute(sql`SET LOCAL session_replication_role = replica`);
  else {
    for (const table of BULK_TABLES) {
      await tx.execute(sql`ALTER TABLE ${sql.identifier(table)} DISABLE TRIGGER USER`);
    }
  }
  const tables = `{${BULK_TABLES.join(",")}}`;
  // Indexes no constraint owns or relies on (a foreign key names the unique index it references). Partial
  // indexes stay: the load touches them only for the few rows their predicate admits.
  const indexes = rowsAs(
    await tx.execute(sql`
      SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
        FROM pg_index i
       WHERE i.indrelid = ANY (${tables}::regclass[]) AND i.indpred IS NULL
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
       ORDER BY i.indrelid, i.indexrelid`),
    z.object({ name: col.text, def: col.text }),
  );
  for (const index of indexes) await tx.execute(sql.raw(`DROP INDEX ${index.name}`));
  return { indexes, replica };
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
  await rebuildRollups(tx); // with the triggers still off: the recount is written once, not moved again
  onProgress?.("rollups", 1, 1);
  for (const [i, index] of load.indexes.entries()) {
    await tx.execute(sql.raw(index.def));
    onProgress?.("indexes", i + 1, load.indexes.length);
  }
  if (load.replica) await tx.execute(sql`SET LOCAL session_replication_role = origin`);
  else {
    for (const table of BULK_TABLES) {
      await tx.execute(sql`ALTER TABLE ${sql.identifier(table)} ENABLE TRIGGER USER`);
    }
  }
  await analyzeBulkTables(tx);
}
