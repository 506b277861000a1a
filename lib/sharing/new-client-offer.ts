import "server-only";
import type { DbOrTx } from "@/db/types";
import { DEFAULT_TRIAL_DAYS } from "@/lib/referrals/attribute-signup";
import { loadRewardRules } from "@/lib/rewards/load-reward-rules";
import type { NewClientOffer } from "./offer-text";

/** What a new client gets today for signing up with someone's code (the double-sided points as an admin set them). */
export async function loadNewClientOffer(db: DbOrTx, now: Date): Promise<NewClientOffer> {
  const rules = await loadRewardRules(db, now);
  return { trialDays: DEFAULT_TRIAL_DAYS, bonusPoints: rules.doubleSided?.newClientPoints ?? 0 };
}
