"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { setLeaderboardOptIn } from "@/lib/rewards/set-leaderboard-opt-in";
import { leaderboardOptInSchema } from "@/lib/validation/leaderboard";

/** A client chooses, for themselves, whether the leaderboard shows their name. */
export const leaderboardOptInAction = action(
  { access: "client", schema: leaderboardOptInSchema },
  async (input, { db, principal }) => {
    const optIn = await setLeaderboardOptIn(db, principal.user.id, input.optIn);
    revalidatePath("/leaderboard");
    return {
      status: "success",
      message: optIn ? "Your name is shown on the leaderboard." : "The leaderboard shows your initials only.",
    };
  },
);
