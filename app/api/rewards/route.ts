import { route } from "@/lib/http";
import { getRewardsOverview } from "@/lib/queries/rewards-overview";
import { rewardsOverviewJson } from "./json";

export const dynamic = "force-dynamic";

/** `GET /api/rewards` (the signed-in client): balance, the catalog against it, coupons and points history. */
export const GET = route({ access: "client" }, async ({ db, principal }) => {
  return rewardsOverviewJson(await getRewardsOverview(db, principal.user.id));
});
