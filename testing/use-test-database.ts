// Gives an integration test file its own database, copied from the run's migrated template (see
// global-setup.ts), and installs it as the process's database so domain code under test uses it.
//
//   const testDb = useTestDatabase();
//   it("…", async () => { await testDb.db.insert(users).values(…); });
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { setDatabaseHandle } from "@/db/client";
import { openPglite, openPostgres, type DatabaseHandle } from "@/db/open";
import type { Db } from "@/db/types";
import { adminQuery, assertLocalDatabaseUrl, databaseUrl, quoteIdent } from "./postgres-admin";

export type TestDatabase = {
  /** The Drizzle database; only valid inside tests and hooks (after beforeAll ran). */
  readonly db: Db;
  /** The underlying handle, e.g. to call `runMigrations(handle)`. */
  readonly handle: DatabaseHandle;
  readonly kind: DatabaseHandle["kind"];
};

export function useTestDatabase(opts: { poolMax?: number } = {}): TestDatabase {
  let handle: DatabaseHandle | undefined;
  let cleanup: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const source = inject("testDatabase");
    if (!source) throw new Error("useTestDatabase needs testing/global-setup.ts as Vitest globalSetup");
    if (source.kind === "postgres") {
      assertLocalDatabaseUrl(source.serverUrl);
      const name = `musenest_t_${randomBytes(6).toString("hex")}`;
      await adminQuery(
        source.serverUrl,
        `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(source.template)}`,
      );
      const drop = () =>
        adminQuery(source.serverUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      try {
        handle = await openPostgres(databaseUrl(source.serverUrl, name), { max: opts.poolMax ?? 20 });
      } catch (error) {
        await drop();
        throw error;
      }
      cleanup = drop;
    } else {
      const dump = new Blob([readFileSync(source.dumpPath)]);
      handle = await openPglite({ dataDir: "memory://", loadDataDir: dump });
    }
    setDatabaseHandle(handle);
  });

  afterAll(async () => {
    setDatabaseHandle(undefined);
    try {
      await handle?.close();
    } finally {
      handle = undefined;
      await cleanup?.();
      cleanup = undefined;
    }
  });

  const current = (): DatabaseHandle => {
    if (!handle) throw new Error("The test database is only available inside tests and hooks");
    return handle;
  };
  return {
    get db() {
      return current().db;
    },
    get handle() {
      return current();
    },
    get kind() {
      return current().kind;
    },
  };
}

/** Raw `db.execute(sql…)` rows on either driver (postgres.js returns an array, PGlite `{ rows }`), unchecked. */
export function rawRows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
