import "server-only";
import type { DbOrTx } from "@/db/types";
import { DEFAULT_TRIAL_DAYS } from "@/lib/referrals/attribute-signup";
import { loadRewardRules, type RewardRuleSet } from "@/lib/rewards/load-reward-rules";
import type { NewClientOffer } from "./offer-text";

/** The offer from rules already loaded (the dashboard loads them once for this and its points card). */
export function newClientOfferFrom(rules: RewardRuleSet): NewClientOffer {
  return { trialDays: DEFAULT_TRIAL_DAYS, bonusPoints: rules.doubleSided?.newClientPoints ?? 0 };
}

/** What a new client gets today for signing up with someone's code (the double-sided points as an admin set them). */
export async function loadNewClientOffer(db: DbOrTx, now: Date): Promise<NewClientOffer> {
  return newClientOfferFrom(await loadRewardRules(db, now));
}
