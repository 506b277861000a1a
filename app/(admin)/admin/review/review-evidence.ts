// The review queue's evidence rows, built on the server from the masked queue item: each row sets the new
// client's value beside the referrer's, marked when they match (or when the row is what the rule caught).
import { formatDate, formatMoney } from "@/lib/format";
import type { ReviewQueueItem } from "@/lib/queries/review-queue";
import { fraudRuleLabel } from "@/lib/referrals/fraud-rules";

export type EvidenceRow = {
  key: string;
  label: string;
  referred: string;
  referrer: string;
  /** The two sides match (or this row is what flagged the signup): highlighted, with the word "Match". */
  match: boolean;
  /** The row is marked for the new client alone (a disposable domain, a burst of signups), not a pair. */
  referredOnly?: boolean;
  note?: string;
};

export type ReviewCard = {
  id: number;
  code: string;
  signedUpOn: string;
  heldCommission: string | null;
  reasons: { rule: string; label: string; reason: string }[];
  referredName: string;
  referrerName: string | null;
  evidence: EvidenceRow[];
};

const NOT_RECORDED = "Not recorded";

function referrerIp(r: ReviewQueueItem): string {
  if (r.ipMatch === "now") return r.signupIp ?? "Same address (only its hash is kept)";
  if (r.ipMatch === "signup")
    return r.signupIp ? `${r.signupIp} (at that signup)` : "Same address at that signup";
  if (r.referrerOwnIp) return r.referrerOwnIp;
  return r.referrerHasIp ? "Another address (only its hash is kept)" : NOT_RECORDED;
}

function referrerDevice(r: ReviewQueueItem): string {
  if (r.deviceMatch) return r.deviceTail ?? "Same device";
  return r.referrerDeviceTail ?? NOT_RECORDED;
}

export function reviewCard(r: ReviewQueueItem): ReviewCard {
  const rules = new Set(r.fraudFlags.map((f) => f.rule));
  const hasReferrer = r.referrerName !== null;
  const dash = hasReferrer ? NOT_RECORDED : "—";
  const evidence: EvidenceRow[] = [
    {
      key: "ip",
      label: "Signup IP",
      referred: r.signupIp ?? NOT_RECORDED,
      referrer: hasReferrer ? referrerIp(r) : "—",
      match: r.ipMatch !== null,
      note: r.ipMatch === "signup" ? "The referrer has been seen elsewhere since." : undefined,
    },
    {
      key: "device",
      label: "Device",
      referred: r.deviceTail ?? NOT_RECORDED,
      referrer: hasReferrer ? referrerDevice(r) : "—",
      match: r.deviceMatch !== null,
    },
    {
      key: "mailbox",
      label: "Mailbox (dots and +tags folded)",
      referred: r.referredMailboxMasked,
      referrer: r.referrerMailboxMasked ?? "—",
      match: r.sameMailbox || (rules.has("email_alias") && r.aliasOfMasked !== null),
      note:
        rules.has("email_alias") && r.aliasOfMasked
          ? `Same mailbox as the existing account ${r.aliasOfMasked}.`
          : undefined,
    },
    {
      key: "phone",
      label: "Phone",
      referred: r.referredPhoneMasked ?? "None given",
      referrer: hasReferrer ? (r.referrerPhoneMasked ?? "None given") : "—",
      match: r.samePhone,
    },
    {
      key: "velocity",
      label: `Signups on ${r.codeUsed} from this IP within ${r.velocityLimit.minutes} min`,
      referred: r.signupsFromIp === null ? NOT_RECORDED : String(r.signupsFromIp),
      referrer: `Flagged above ${r.velocityLimit.signups}`,
      match: rules.has("ip_velocity") || (r.signupsFromIp ?? 0) > r.velocityLimit.signups,
      referredOnly: true,
    },
    {
      key: "email",
      label: "E-mail",
      referred: r.referredEmailMasked,
      referrer: r.referrerEmailMasked ?? "—",
      match: rules.has("disposable_email"),
      referredOnly: true,
      note: rules.has("disposable_email")
        ? "The new client's domain is a disposable-mail service."
        : undefined,
    },
    {
      key: "agent",
      label: "Browser",
      referred: r.signupUserAgent ?? NOT_RECORDED,
      referrer: hasReferrer ? dash : "—",
      match: false,
    },
    {
      key: "joined",
      label: "Joined",
      referred: formatDate(r.referredJoinedAt),
      referrer: r.referrerJoinedAt ? formatDate(r.referrerJoinedAt) : "—",
      match: false,
    },
  ];
  // Rows that would say "the same as the row above" or "nobody gave one" are left out: shorter cards.
  const mailboxAddsNothing =
    !rules.has("email_alias") && !r.sameMailbox && r.referredMailboxMasked === r.referredEmailMasked;
  const noPhones = r.referredPhoneMasked === null && r.referrerPhoneMasked === null;
  const shown = evidence.filter(
    (row) => !(row.key === "mailbox" && mailboxAddsNothing) && !(row.key === "phone" && noPhones),
  );
  return {
    id: r.id,
    code: r.codeUsed,
    signedUpOn: formatDate(r.usedAt),
    heldCommission: r.heldCents ? formatMoney(r.heldCents) : null,
    reasons: r.fraudFlags.map((f) => ({ rule: f.rule, label: fraudRuleLabel(f.rule), reason: f.reason })),
    referredName: r.referredName,
    referrerName: r.referrerName,
    evidence: shown,
  };
}
