// `npm run db:migrate`: applies committed migrations to DATABASE_URL, or to the PGlite folder.
import { openConfiguredDatabase, runMigrations } from "./open";

const handle = await openConfiguredDatabase({ statementTimeoutMs: 0 }); // batch work: no per-statement limit
try {
  await runMigrations(handle);
  console.log(`Migrations applied (${handle.kind}).`);
} finally {
  await handle.close();
}
