import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { notFound } from "@/lib/errors";

/** A client chooses whether the leaderboard shows their name (opted in) or a masked one (the default). */
export async function setLeaderboardOptIn(db: DbOrTx, userId: number, optIn: boolean): Promise<boolean> {
  const [row] = await db
    .update(users)
    .set({ leaderboardOptIn: optIn, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ optIn: users.leaderboardOptIn });
  if (!row) throw notFound("User");
  return row.optIn;
}
