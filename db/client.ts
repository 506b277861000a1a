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

export async function closeDatabase(): Promise<void> {
  const pending = registry.handle;
  registry.handle = undefined;
  if (pending) await (await pending).close();
}
