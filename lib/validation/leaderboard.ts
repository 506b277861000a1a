// GET /api/leaderboard and /leaderboard: which period, how many rows; and the opt-in toggle.
import { z } from "zod";
import { checkbox } from "./reward-rules";

export const LEADERBOARD_PERIODS = ["30d", "all"] as const;
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number];

export const leaderboardQuerySchema = z.object({
  period: z.enum(LEADERBOARD_PERIODS, { error: "period must be 30d or all" }).default("30d"),
  limit: z.coerce
    .number({ error: "limit must be a whole number from 1 to 100" })
    .int({ error: "limit must be a whole number from 1 to 100" })
    .min(1, { error: "limit must be a whole number from 1 to 100" })
    .max(100, { error: "limit must be a whole number from 1 to 100" })
    .default(10),
});

/** The page reads the same search params but never refuses them: anything odd falls back to the default. */
export const leaderboardPageSchema = z.object({ period: z.enum(LEADERBOARD_PERIODS).catch("30d") });

export const leaderboardOptInSchema = z.object({ optIn: checkbox });
