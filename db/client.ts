import { openConfiguredDatabase, runMigrations, type DatabaseHandle } from "./open";
import type { Db } from "./types";

// One database client per process. The promise lives on globalThis so dev hot reloads (which
// re-evaluate modules) reuse it: two PGlite instances on one folder silently diverge.
type Registry = { handle?: Promise<DatabaseHandle> };
const registry = ((globalThis as { __musenestDb?: Registry }).__musenestDb ??= {});

/** The process's database, opened and migrated on first use. */
export async function getDb(): Promise<Db> {
  return (await getDatabaseHandle()).db;
}

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  // `next build` prerenders pages that look static. One that reads the database must be dynamic: opened
  // here, the build would hold the embedded database's lock (and bake data into HTML), so say so instead.
  if (process.env.NEXT_PHASE === "phase-production-build" && !registry.handle) {
    return Promise.reject(
      new Error(
        'A page read the database during `next build`; mark it `export const dynamic = "force-dynamic"`.',
      ),
    );
  }
  registry.handle ??= (async () => {
    const handle = await openConfiguredDatabase();
    await runMigrations(handle);
    return handle;
  })().catch((error) => {
    registry.handle = undefined; // let the next request try again instead of caching the failure
    throw error;
  });
  return registry.handle;
}

/** Tests install their own isolated database here; every domain call then uses it. */
export function setDatabaseHandle(handle: DatabaseHandle | undefined): void {
  registry.handle = handle ? Promise.resolve(handle) : undefined;
}
