import { route } from "@/lib/http";
import { getLeaderboard } from "@/lib/queries/leaderboard";
import { leaderboardQuerySchema } from "@/lib/validation/leaderboard";

export const dynamic = "force-dynamic";

/**
 * `GET /api/leaderboard[?period=30d|all&limit=10]` (any signed-in caller or API key): top referrers by
 * referrals (not in review, not rejected), names masked unless the referrer opted in; a client also gets their own place.
 */
export const GET = route(
  { access: "user", query: leaderboardQuerySchema },
  // A ranking over everyone's referrals: read from the replica when there is one (it may lag a moment).
  async ({ readDb, query, principal }) => {
    const viewerId = principal.kind === "user" ? principal.user.id : null;
    const board = await getLeaderboard(readDb, { period: query.period, limit: query.limit, viewerId });
    const json = (e: (typeof board.entries)[number]) => ({
      rank: e.rank,
      name: e.displayName,
      masked: e.masked,
      badge: e.badge,
      referrals: e.referrals,
      reached_at: e.reachedAt,
      is_you: e.isViewer,
    });
    return {
      period: board.period,
      since: board.since,
      entries: board.entries.map(json),
      you: board.viewer ? json(board.viewer) : null,
    };
  },
);
