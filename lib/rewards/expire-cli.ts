// `npm run jobs:expire [-- --now 2027-01-01T00:00:00Z]`: expires every point past its expiry date, oldest
// first, for cron or another external scheduler. `--now` sets the clock (catch-up runs, rehearsals).
import { parseArgs } from "node:util";
import { setDatabaseHandle } from "@/db/client";
import { openConfiguredDatabase, runMigrations } from "@/db/open";
import { expirePoints } from "./expire-points";

const { values } = parseArgs({ options: { now: { type: "string" } } });
const now = values.now ? new Date(values.now) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error("--now must be an ISO date, e.g. 2027-01-01T00:00:00Z");
  process.exit(2);
}
const handle = await openConfiguredDatabase({ statementTimeoutMs: 0 }); // batch work: no per-statement limit
try {
  await runMigrations(handle);
  setDatabaseHandle(handle);
  const { users, points } = await expirePoints(handle.db, now);
  console.log(
    `Expired ${points} point${points === 1 ? "" : "s"} of ${users} user${users === 1 ? "" : "s"} due by ${now.toISOString()} (${handle.kind}).`,
  );
} finally {
  await handle.close();
}
