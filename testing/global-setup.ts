// Vitest global setup: migrate one template database per run, so each test file can start from a
// copy of it instead of running every migration again.
//   TEST_DATABASE_URL set → a PostgreSQL template database on that (local) server.
//   otherwise             → a PGlite data-directory dump in a temp file.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres, runMigrations } from "@/db/open";
import { adminQuery, assertLocalDatabaseUrl, databaseUrl, quoteIdent } from "./postgres-admin";

export type TestDatabaseSource =
  { kind: "postgres"; serverUrl: string; template: string } | { kind: "pglite"; dumpPath: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseSource;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? setupPostgres(project, serverUrl) : setupPglite(project);
}

async function setupPostgres(project: TestProject, serverUrl: string): Promise<() => Promise<void>> {
  assertLocalDatabaseUrl(serverUrl);
  const template = `musenest_tpl_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${quoteIdent(template)}`);
  const drop = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdent(template)} WITH (FORCE)`);
  try {
    const handle = await openPostgres(databaseUrl(serverUrl, template), { max: 1 });
    try {
      await runMigrations(handle);
    } finally {
      await handle.close();
    }
  } catch (error) {
    await drop();
    throw error;
  }
  project.provide("testDatabase", { kind: "postgres", serverUrl, template });
  return async () => {
    await drop();
  };
}

async function setupPglite(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "musenest-pglite-tpl-"));
  const dumpPath = path.join(dir, "migrated.tar");
  const handle = await openPglite({ dataDir: "memory://" });
  try {
    await runMigrations(handle);
    // The handle hides its driver; drizzle keeps the PGlite instance on `$client`.
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir("none");
    writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    await handle.close();
  }
  project.provide("testDatabase", { kind: "pglite", dumpPath });
  return async () => {
    rmSync(dir, { recursive: true, force: true });
  };
}
