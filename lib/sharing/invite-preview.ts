import "server-only";
import type { DbOrTx } from "@/db/types";
import { checkCode } from "@/lib/referrals/validate-code";
import { loadNewClientOffer } from "./new-client-offer";
import { offerText } from "./offer-text";
import { publicReferrerName } from "./public-name";

/** What a link preview (Open Graph card) of an invite says. */
export type InvitePreview = {
  /** Set when the code can be used right now; a dead code gets the generic MuseNest card. */
  code: string | null;
  referrerName: string | null;
  offer: string | null;
  title: string;
  description: string;
};

const GENERIC_DESCRIPTION = "Create your MuseNest account and start your free trial.";

/**
 * The preview card for `/signup?ref=CODE` (where `/r/CODE` lands): the referrer by display name and the
 * new-client offer as configured now. Only usable codes name anyone, so an expired or unknown code
 * can't be used to print a name.
 */
export async function loadInvitePreview(
  db: DbOrTx,
  rawCode: string | null,
  now: Date,
): Promise<InvitePreview> {
  const check = rawCode ? await checkCode(db, rawCode, now) : null;
  const offer = offerText(await loadNewClientOffer(db, now));
  if (!check?.valid) {
    return {
      code: null,
      referrerName: null,
      offer,
      title: "Join MuseNest",
      description: offer ? `Sign up and get ${offer}.` : GENERIC_DESCRIPTION,
    };
  }
  const referrerName = publicReferrerName(check.referrer.name);
  const code = check.code.code;
  return {
    code,
    referrerName,
    offer,
    title: `${referrerName} invited you to MuseNest`,
    description: offer
      ? `Sign up with code ${code} and get ${offer}.`
      : `Sign up with code ${code}. ${GENERIC_DESCRIPTION}`,
  };
}
