import { eq } from "drizzle-orm";
import { referralClicks, referralCodes } from "@/db/schema";
import type { ReferralSource } from "@/lib/enums";
import type { DbOrTx } from "@/db/types";
import { canonicalCode, validateCodeFormat } from "./code-format";

export type ClickInput = {
  rawCode: string;
  ipHash: string | null;
  userAgent: string | null;
  source: ReferralSource;
  referrerUrl: string | null;
  deviceId: string | null;
  now?: Date;
};

/**
 * Logs a click on an invite link. Clicks on any existing code count (an expired code's link still
 * gets traffic the owner should see); unknown codes are not logged. Returns the display code too.
 */
export async function recordClick(
  db: DbOrTx,
  input: ClickInput,
): Promise<{ clickId: number; code: string } | null> {
  if (!validateCodeFormat(input.rawCode).valid) return null;
  const [code] = await db
    .select({ id: referralCodes.id, code: referralCodes.code })
    .from(referralCodes)
    .where(eq(referralCodes.canonicalCode, canonicalCode(input.rawCode)))
    .limit(1);
  if (!code) return null;
  const [click] = await db
    .insert(referralClicks)
    .values({
      referralCodeId: code.id,
      ipHash: input.ipHash,
      userAgent: input.userAgent,
      source: input.source,
      referrerUrl: input.referrerUrl?.slice(0, 500) ?? null,
      deviceId: input.deviceId,
      clickedAt: input.now ?? new Date(),
    })
    .returning({ id: referralClicks.id });
  return { clickId: click.id, code: code.code };
}
