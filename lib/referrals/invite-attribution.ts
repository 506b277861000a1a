import { REFERRAL_SOURCES, type ReferralSource } from "@/lib/enums";
import { canonicalCode } from "./code-format";

/** What the invite link left in the visitor's cookies (raw values: the visitor can edit them). */
export type InviteCookies = { code?: string | null; source?: string | null; clickId?: string | null };

/**
 * Whether a signup came through the invite link the visitor clicked: the link's click and source count
 * only if the code submitted is the one the link carried (same canonical code). A code typed by hand, or
 * a different one than the link's, is a manual referral with no click. The cookies are the visitor's
 * to edit, so an unknown source counts as a plain link and anything but a positive id is no click.
 */
export function inviteAttribution(
  submittedCode: string | null | undefined,
  cookies: InviteCookies,
): { source: ReferralSource; clickId: number | null } {
  const fromLink = Boolean(
    submittedCode && cookies.code && canonicalCode(cookies.code) === canonicalCode(submittedCode),
  );
  if (!fromLink) return { source: "manual", clickId: null };
  const source = REFERRAL_SOURCES.find((s) => s === cookies.source);
  const clickId = Number(cookies.clickId);
  return {
    source: source ?? "link",
    clickId: Number.isSafeInteger(clickId) && clickId > 0 ? clickId : null,
  };
}
