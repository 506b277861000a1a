// The in-app timer that keeps the leaderboard's 30-day counts on the current window (imported by
// lib/jobs/registry.ts). Until it has run after midnight UTC the board still answers exactly, from the
// per-day counts (lib/queries/leaderboard.ts), only slower.
import { getDb } from "@/db/client";
import { registerJob } from "@/lib/jobs/scheduler";
import { moveLeaderboardWindow } from "./leaderboard-window";

export const LEADERBOARD_WINDOW_JOB = "leaderboard:move-window";

registerJob({
  name: LEADERBOARD_WINDOW_JOB,
  intervalMs: 5 * 60_000,
  run: async (now) => moveLeaderboardWindow(await getDb(), now),
});
