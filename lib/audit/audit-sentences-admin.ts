// Audit sentences for accounts, keys, sign-in locks, exports and the rewards program.
import { formatPoints } from "@/lib/format";
import {
  changesBetween,
  count,
  day,
  list,
  num,
  obj,
  plain,
  str,
  type Details,
  type FieldSpec,
} from "./audit-format";
import type { AuditDescriber } from "./describe-audit-entry";

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

const client = (subject: string | null, id: string | null) => subject ?? (id ? `client #${id}` : "a client");

const RULE_NAMES: Record<string, string> = {
  double_sided: "double-sided reward",
  tier_schedule: "tiered schedule",
  offer: "offer",
  milestone: "milestone",
  expiry: "points expiry",
  qualifying_activity: "qualifying activity",
};

const REWARD_TYPES: Record<string, string> = {
  discount_percent: "discount",
  free_product: "free product",
  lifetime_premium: "lifetime premium",
};

const pointsValue = (v: unknown) => (num(v) === null ? "none" : `${formatPoints(num(v)!)} points`);

const ruleFields: FieldSpec = {
  name: { label: "Name" },
  isActive: { label: "Active", format: (v) => (v ? "on" : "off") },
  startsAt: { label: "Starts", format: (v) => day(v) ?? "no start" },
  endsAt: { label: "Ends", format: (v) => day(v) ?? "no end" },
  referrerPoints: { label: "Referrer gets", format: pointsValue },
  newClientPoints: { label: "New client gets", format: pointsValue },
  bonusPoints: { label: "Bonus", format: pointsValue },
  referrals: { label: "Referrals needed" },
  withinDays: { label: "Within days" },
  days: { label: "Expire after (days)" },
  unlock: { label: "Unlocks" },
  badge: { label: "Badge" },
  tiers: {
    label: "Tiers",
    format: (v) =>
      Array.isArray(v)
        ? v.map((t) => `from #${num(obj(t)?.fromReferral)}: ${num(obj(t)?.pointsEach)} each`).join(", ")
        : "none",
  },
};

/** A rule snapshot flattened so its config's fields compare one by one beside name and window. */
const flatRule = (snapshot: Details | null): Details | null =>
  snapshot ? { ...snapshot, config: undefined, ...(obj(snapshot.config) ?? {}) } : null;

const catalogFields: FieldSpec = {
  name: { label: "Name" },
  description: { label: "Description" },
  costPoints: { label: "Cost", format: pointsValue },
  rewardType: { label: "Type", format: (v) => REWARD_TYPES[String(v)] ?? plain(v) },
  rewardValue: { label: "Discount %" },
  isActive: { label: "Active", format: (v) => (v ? "on" : "off") },
};

const FILTER_LABELS: Record<string, string> = {
  start_date: "from",
  end_date: "to",
  commission_status: "commission",
  campaign: "campaign",
  referrer: "referrer",
  flagged: "flagged only",
  source: "source",
};

export const adminSentences: Record<string, AuditDescriber> = {
  "client.create": ({ actor, entityId, subject, details: d }) => ({
    sentence:
      `${actor} created the account of ${client(subject ?? str(d.email), entityId)}` +
      (str(d.accountNumber) ? ` (${str(d.accountNumber)})` : "") +
      (d.via === "api" ? " through the API" : "") +
      (str(d.referralCode) ? `, referred with code ${str(d.referralCode)}` : ""),
  }),
  "client.suspend": ({ actor, entityId, subject }) => ({
    sentence: `${actor} suspended ${client(subject, entityId)}`,
    changes: [{ label: "Status", before: "active", after: "suspended" }],
  }),
  "client.reactivate": ({ actor, entityId, subject, details: d }) => ({
    sentence: `${actor} reactivated ${client(subject, entityId)}`,
    changes: [{ label: "Status", before: str(d.from) ?? "suspended", after: "active" }],
  }),
  "client.partner_set": ({ actor, entityId, subject, details: d }) => ({
    sentence: `${actor} made ${str(d.partnerName) ?? `client #${str(d.to) ?? "?"}`} the partner of ${client(subject, entityId)}`,
    changes: [
      {
        label: "Partner",
        before: num(d.from) === null ? "none" : `client #${num(d.from)}`,
        after: `${str(d.partnerName) ?? "client"} (#${str(d.to) ?? "?"})`,
      },
    ],
  }),
  "client.partner_clear": ({ actor, entityId, subject, details: d }) => ({
    sentence: `${actor} removed the partner of ${client(subject, entityId)}`,
    changes: [
      { label: "Partner", before: num(d.from) === null ? "none" : `client #${num(d.from)}`, after: "none" },
    ],
  }),
  "api_key.create": ({ actor, details: d }) => ({
    sentence: `${actor} created API key “${str(d.name) ?? "unnamed"}”${str(d.prefix) ? ` (${str(d.prefix)}…)` : ""}`,
  }),
  "api_key.revoke": ({ actor, entityId }) => ({
    sentence: `${actor} revoked API key #${entityId ?? "?"}; it no longer authenticates`,
  }),
  "webhook_endpoint.create": ({ actor, entityId, details: d }) => ({
    sentence: `${actor} added webhook endpoint #${entityId ?? "?"} (${str(d.url) ?? "no URL"}) for ${list(strings(d.events)) || "no events"}`,
  }),
  "webhook_endpoint.update": ({ actor, entityId, details: d }) => ({
    sentence: `${actor} changed webhook endpoint #${entityId ?? "?"} (${str(d.url) ?? "no URL"}): ${list(strings(d.changed)) || "nothing"}${d.enabled === false ? "; it is disabled" : ""}`,
  }),
  "webhook_endpoint.delete": ({ actor, entityId, details: d }) => ({
    sentence: `${actor} deleted webhook endpoint #${entityId ?? "?"} (${str(d.url) ?? "no URL"}) and its deliveries`,
  }),
  "webhook_endpoint.rotate_secret": ({ actor, entityId }) => ({
    sentence: `${actor} rotated the signing secret of webhook endpoint #${entityId ?? "?"}; the old one no longer signs`,
  }),
  "webhook_endpoint.test": ({ actor, entityId }) => ({
    sentence: `${actor} sent a test event to webhook endpoint #${entityId ?? "?"}`,
  }),
  "webhook_endpoint.auto_disabled": ({ entityId, details: d }) => ({
    sentence: `Webhook endpoint #${entityId ?? "?"} (${str(d.url) ?? "no URL"}) was disabled: every delivery failed for 3 days`,
  }),
  "webhook_delivery.retry": ({ actor, entityId }) => ({
    sentence: `${actor} sent webhook delivery #${entityId ?? "?"} again`,
  }),
  "auth.login_locked": ({ entityId, details: d }) => {
    const until = str(d.locked_until);
    const time = until && !Number.isNaN(Date.parse(until)) ? until.slice(11, 16) : null;
    return {
      sentence:
        `Sign-in was locked for ${d.scope === "ip" ? `the address ${entityId ?? "?"}` : (entityId ?? "an account")} after repeated wrong passwords` +
        (num(d.retry_after_seconds) !== null
          ? ` for ${count(Math.ceil(num(d.retry_after_seconds)! / 60), "minute")}`
          : "") +
        (time ? ` (until ${time} UTC on ${day(until)})` : "") +
        (num(d.lockout) !== null && num(d.lockout)! > 1 ? `, lockout #${num(d.lockout)}` : ""),
    };
  },
  "referral.export": ({ actor, details: d }) => {
    const filters = Object.entries(obj(d.filters) ?? {})
      .filter(([, v]) => v !== null && v !== "" && v !== "all")
      .map(([k, v]) => (v === true ? (FILTER_LABELS[k] ?? k) : `${FILTER_LABELS[k] ?? k} ${String(v)}`));
    return {
      sentence:
        `${actor} exported ${count(num(d.total) ?? 0, "referral")} as ${String(d.format ?? "a file").toUpperCase()}` +
        (filters.length ? ` (${filters.join(", ")})` : " (no filters)"),
    };
  },
  "points.release": ({ actor, entityId, details: d }) => {
    const badges = Array.isArray(d.badges) ? d.badges.map(String) : [];
    return {
      sentence:
        `${actor} released ${count(num(d.releasedPoints) ?? 0, "point")} held for referral #${entityId ?? "?"}` +
        ((num(d.stillPendingPoints) ?? 0) > 0
          ? `; ${formatPoints(num(d.stillPendingPoints)!)} wait for a first payment`
          : "") +
        (badges.length ? `; ${list(badges)} badge${badges.length === 1 ? "" : "s"} earned` : ""),
    };
  },
  "points.void": ({ actor, entityId, details: d }) => ({
    sentence: `${actor} voided ${count(num(d.voidedPoints) ?? 0, "held point")} of referral #${entityId ?? "?"}`,
  }),
  "reward_rule.create": ({ actor, details: d }) => {
    const after = obj(d.after) ?? {};
    const c = obj(after.config) ?? {};
    const kind = RULE_NAMES[String(d.kind)] ?? "reward rule";
    return {
      sentence:
        `${actor} added the ${kind} “${str(after.name) ?? "unnamed"}”` +
        (d.kind === "offer" && num(c.bonusPoints) !== null
          ? `: ${pointsValue(c.bonusPoints)} for ${count(num(c.referrals) ?? 0, "referral")} within ${count(num(c.withinDays) ?? 0, "day")}`
          : ""),
    };
  },
  "reward_rule.update": ({ actor, details: d }) => {
    const changes = changesBetween(flatRule(obj(d.before)), flatRule(obj(d.after)), ruleFields).filter(
      (c) => c.label !== "config",
    );
    const name = str(obj(d.after)?.name) ?? str(obj(d.before)?.name);
    const kind = RULE_NAMES[String(d.kind)] ?? "reward rule";
    return {
      sentence: `${actor} updated the ${kind}${name ? ` “${name}”` : ""}${changes.length ? "" : " without changing it"}`,
      changes,
    };
  },
  "reward_catalog.create": ({ actor, details: d }) => {
    const after = obj(d.after) ?? {};
    return {
      sentence: `${actor} added “${str(after.name) ?? "a reward"}” to the catalog for ${pointsValue(after.costPoints)}`,
    };
  },
  "reward_catalog.update": ({ actor, details: d }) => {
    const changes = changesBetween(obj(d.before), obj(d.after), catalogFields);
    const name = str(obj(d.after)?.name) ?? str(obj(d.before)?.name) ?? "a reward";
    return {
      sentence: `${actor} updated the catalog reward “${name}”${changes.length ? "" : " without changing it"}`,
      changes,
    };
  },
};
