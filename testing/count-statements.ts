// Counts and EXPLAINs the statements a piece of code sends: a second Drizzle database over the test
// database's own client, with a logger that records each statement and its parameters.
//
//   const counting = countingDatabase(testDb);
//   await loadDashboard(counting.db, …);
//   expect(counting.statements.length).toBeLessThanOrEqual(11);
//   expect(await seqScannedTables(testDb, counting.statements)).toEqual([]);
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import * as schema from "@/db/schema";
import type { Db } from "@/db/types";
import type { TestDatabase } from "./use-test-database";

export type Statement = { query: string; params: unknown[] };

export function countingDatabase(testDb: TestDatabase): { db: Db; statements: Statement[]; reset(): void } {
  const statements: Statement[] = [];
  const logger = { logQuery: (query: string, params: unknown[]) => void statements.push({ query, params }) };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const client = (testDb.db as any).$client;
  const db = (testDb.kind === "pglite"
    ? drizzlePglite(client, { schema, logger })
    : drizzlePostgres(client, { schema, logger })) as unknown as Db;
  return { db, statements, reset: () => void statements.splice(0) };
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

/**
 * The plan of each statement with sequential scans priced out (`enable_seqscan = off`): on a small test
 * database the planner rightly prefers reading a few pages whole, so this asks instead whether an index
 * CAN serve every table the statement touches. A Seq Scan that remains has no usable index.
 * `{ planner: "free" }` keeps the planner's own choice instead (after an ANALYZE of a database shaped to
 * tempt it): will it use the index.
 */
export async function explainStatements(
  testDb: TestDatabase,
  statements: Statement[],
  opts: { planner?: "seqscan-off" | "free" } = {},
): Promise<{ query: string; seqScans: string[]; indexes: string[] }[]> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const client = (testDb.db as any).$client;
  const out: { query: string; seqScans: string[]; indexes: string[] }[] = [];
  const seqscan = opts.planner === "free" ? "on" : "off";
  for (const { query, params } of statements) {
    let planJson: unknown;
    if (testDb.kind === "pglite") {
      planJson = await client.transaction(
        async (tx: {
          exec(q: string): Promise<unknown>;
          query(q: string, p: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
        }) => {
          await tx.exec(`SET LOCAL enable_seqscan = ${seqscan}`);
          return (await tx.query(`EXPLAIN (FORMAT JSON) ${query}`, params)).rows[0]["QUERY PLAN"];
        },
      );
    } else {
      planJson = await client.begin(
        async (tx: { unsafe(q: string, p?: unknown[]): Promise<Record<string, unknown>[]> }) => {
          await tx.unsafe(`SET LOCAL enable_seqscan = ${seqscan}`);
          return (await tx.unsafe(`EXPLAIN (FORMAT JSON) ${query}`, params))[0]["QUERY PLAN"];
        },
      );
    }
    const plan = (typeof planJson === "string" ? JSON.parse(planJson) : planJson) as { Plan: PlanNode }[];
    const seqScans: string[] = [];
    const indexes: string[] = [];
    const walk = (node: PlanNode) => {
      if (node["Node Type"] === "Seq Scan") seqScans.push(node["Relation Name"] ?? "?");
      if (node["Index Name"]) indexes.push(node["Index Name"]);
      node.Plans?.forEach(walk);
    };
    walk(plan[0].Plan);
    out.push({ query, seqScans, indexes });
  }
  return out;
}
