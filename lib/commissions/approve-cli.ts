// `npm run jobs:approve [-- --now 2026-01-01T00:00:00Z]`: approves every commission whose hold has
// passed, for cron or another external scheduler. `--now` sets the clock (catch-up runs, rehearsals).
import { parseArgs } from "node:util";
import { setDatabaseHandle } from "@/db/client";
import { openConfiguredDatabase, runMigrations } from "@/db/open";
import { runCommissionApproval } from "./run-approval";

const { values } = parseArgs({ options: { now: { type: "string" } } });
const now = values.now ? new Date(values.now) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error("--now must be an ISO date, e.g. 2026-01-01T00:00:00Z");
  process.exit(2);
}
const handle = await openConfiguredDatabase({ statementTimeoutMs: 0 }); // batch work: no per-statement limit
try {
  await runMigrations(handle);
  setDatabaseHandle(handle);
  const { approved } = await runCommissionApproval(handle.db, { actorUserId: null }, "cli", now);
  console.log(
    `Approved ${approved} commission${approved === 1 ? "" : "s"} due by ${now.toISOString()} (${handle.kind}).`,
  );
} finally {
  await handle.close();
}
