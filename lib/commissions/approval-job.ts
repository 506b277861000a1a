// The in-app timer for approving commissions whose hold has passed (imported by lib/jobs/registry.ts).
// `npm run jobs:approve` runs the same function for an external scheduler.
import { getDb } from "@/db/client";
import { registerJob } from "@/lib/jobs/scheduler";
import { approveDueCommissions } from "./approve-due";

export const APPROVAL_JOB = "commissions:approve-due";

registerJob({
  name: APPROVAL_JOB,
  intervalMs: 10 * 60_000,
  run: async (now) => approveDueCommissions(await getDb(), now),
});
