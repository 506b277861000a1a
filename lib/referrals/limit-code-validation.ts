import "server-only";
import type { DbOrTx } from "@/db/types";
import { checkRateLimit, limitFromEnv, type RateLimitResult } from "@/lib/rate-limit";

/**
 * Anyone can guess codes on the public validate endpoint, so each client address gets
 * `VALIDATE_RATE_LIMIT_PER_MINUTE` look-ups a minute (60 unless set). Requests whose address is unknown
 * share one budget rather than going unlimited. Counts this attempt and says whether it may proceed.
 */
export async function limitCodeValidation(
  db: DbOrTx,
  ip: string | null | undefined,
  now?: Date,
): Promise<RateLimitResult> {
  return checkRateLimit(
    db,
    "validate-referral-code",
    ip ?? "unknown",
    { limit: limitFromEnv("VALIDATE_RATE_LIMIT_PER_MINUTE", 60), windowMs: 60_000 },
    now,
  );
}
