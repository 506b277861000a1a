import { openConfiguredDatabase, openConfiguredReplica, runMigrations, type DatabaseHandle } from "./open";
import type { Db } from "./types";

// One database client per process (and one for the read replica, when there is one). The promises live
// on globalThis so dev hot reloads (which re-evaluate modules) reuse them: two PGlite instances on one
// folder silently diverge.
type Registry = { handle?: Promise<DatabaseHandle>; replica?: Promise<DatabaseHandle | null> };
const registry = ((globalThis as { __musenestDb?: Registry }).__musenestDb ??= {});

/** The process's database, opened and migrated on first use. */
export async function getDb(): Promise<Db> {
  return (await getDatabaseHandle()).db;
}

/**
 * The database for heavy reads that may lag the primary a little (reports, charts, the export, analytics,
 * the leaderboard): the replica when DATABASE_REPLICA_URL is set, else the primary itself. Never for writes,
 * nor for a read that must see the caller's own last write (a streaming replica is typically < 1 s behind).
 */
export async function getReadDb(): Promise<Db> {
  const replica = await getReplicaHandle();
  return replica ? replica.db : getDb();
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

/** The replica's handle, or null when reads go to the primary. Opened after the primary (which migrates). */
export function getReplicaHandle(): Promise<DatabaseHandle | null> {
  registry.replica ??= getDatabaseHandle()
    .then(() => openConfiguredReplica())
    .catch((error) => {
      registry.replica = undefined;
      throw error;
    });
  return registry.replica;
}

/**
 * Tests install their own isolated database here; every domain call then uses it. Installing one also
 * means "no replica" (reads go to it too) until a test installs a replica with `setReplicaHandle`.
 */
export function setDatabaseHandle(handle: DatabaseHandle | undefined): void {
  registry.handle = handle ? Promise.resolve(handle) : undefined;
  registry.replica = handle ? Promise.resolve(null) : undefined;
}

/** Tests: the database `getReadDb()` hands out (null: the primary). */
export function setReplicaHandle(handle: DatabaseHandle | null): void {
  registry.replica = Promise.resolve(handle);
}
