// The in-app timer for approving commissions whose hold has passed (imported by lib/jobs/registry.ts).
// `npm run jobs:approve` and the admin's button run the same function (approval + audit row).
import { getDb } from "@/db/client";
import { registerJob } from "@/lib/jobs/scheduler";
import { runCommissionApproval } from "./run-approval";

export const APPROVAL_JOB = "commissions:approve-due";

registerJob({
  name: APPROVAL_JOB,
  intervalMs: 10 * 60_000,
  run: async (now) => runCommissionApproval(await getDb(), { actorUserId: null }, "timer", now),
});
