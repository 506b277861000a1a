// The audit log said in sentences: one pure describer per action the app writes (grep writeAudit), so an
// admin reads "Ada approved 3 commissions whose hold had ended" instead of `approved 3 via admin`.
import { plain, type AuditChange, type Details } from "./audit-format";
import { adminSentences } from "./audit-sentences-admin";
import { moneySentences } from "./audit-sentences-money";

export type { AuditChange } from "./audit-format";

export type AuditEntryFacts = {
  /** Who did it, as the sentence should start: "Ada Admin", "API key “Billing”", "The system". */
  actor: string;
  entityType: string;
  entityId: string | null;
  details: Details;
  /** The record's name when it is a user. */
  subject: string | null;
};

export type AuditDescription = { sentence: string; changes?: AuditChange[] };
export type AuditDescriber = (entry: AuditEntryFacts) => AuditDescription;

const describers: Record<string, AuditDescriber> = { ...moneySentences, ...adminSentences };

/** The actions the filter offers, with a short label, in the order shown. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "referral.approved": "Referral approved",
  "referral.rejected": "Referral rejected",
  "referral.commissions_released": "Commissions released",
  "referral.commissions_rejected": "Commissions rejected",
  "points.release": "Points released",
  "points.void": "Points voided",
  "commissions.approve_due": "Due commissions approved",
  "payout_batch.created": "Payout batch created",
  "payout_batch.paid": "Payout batch paid",
  "payout_batch.canceled": "Payout batch canceled",
  "settings.commissions_updated": "Commission settings changed",
  "campaign.created": "Campaign created",
  "campaign.updated": "Campaign updated",
  "campaign.ended": "Campaign ended",
  "campaign.codes_linked": "Codes linked to a campaign",
  "campaign.code_unlinked": "Code unlinked from a campaign",
  "reward_rule.create": "Reward rule added",
  "reward_rule.update": "Reward rule updated",
  "reward_catalog.create": "Catalog reward added",
  "reward_catalog.update": "Catalog reward updated",
  "client.create": "Client created",
  "client.suspend": "Client suspended",
  "client.reactivate": "Client reactivated",
  "client.partner_set": "Partner set",
  "client.partner_clear": "Partner removed",
  "api_key.create": "API key created",
  "api_key.revoke": "API key revoked",
  "auth.login_locked": "Sign-in locked",
  "referral.export": "Referrals exported",
  "webhook_endpoint.create": "Webhook endpoint added",
  "webhook_endpoint.update": "Webhook endpoint changed",
  "webhook_endpoint.delete": "Webhook endpoint deleted",
  "webhook_endpoint.rotate_secret": "Webhook secret rotated",
  "webhook_endpoint.test": "Webhook test sent",
  "webhook_endpoint.auto_disabled": "Webhook endpoint disabled (failing)",
  "webhook_delivery.retry": "Webhook delivery retried",
};

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS);

/** Whether every action in the label list has its sentence (and the reverse); checked by the tests. */
export const describedActions = (): string[] => Object.keys(describers);

/**
 * One entry as a sentence, with the fields it changed as before → after. An action without a describer
 * (one written by a newer version, or by hand) is still said plainly, never dropped.
 */
export function describeAuditEntry(action: string, entry: AuditEntryFacts): AuditDescription {
  const describe = describers[action];
  if (describe) return describe(entry);
  const record = entry.subject ?? `${entry.entityType}${entry.entityId ? ` #${entry.entityId}` : ""}`;
  const facts = Object.entries(entry.details).map(([k, v]) => `${k}: ${plain(v)}`);
  return {
    sentence: `${entry.actor} did “${action}” on ${record}${facts.length ? ` (${facts.join("; ")})` : ""}`,
  };
}
