// The points program's in-app timers (imported by lib/jobs/registry.ts). `npm run jobs:expire` runs the
// expiry for an external scheduler; both functions are idempotent.
import { getDb } from "@/db/client";
import { registerJob } from "@/lib/jobs/scheduler";
import { expirePoints } from "./expire-points";
import { releasePaidReferralPoints } from "./release-on-first-payment";

export const EXPIRY_JOB = "rewards:expire-points";
export const RELEASE_PAID_JOB = "rewards:release-paid-referrals";

registerJob({
  name: EXPIRY_JOB,
  intervalMs: 60 * 60_000,
  run: async (now) => expirePoints(await getDb(), now),
});

registerJob({
  name: RELEASE_PAID_JOB,
  intervalMs: 5 * 60_000,
  run: async (now) => releasePaidReferralPoints(await getDb(), now),
});
