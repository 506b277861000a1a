// Audit sentences for money: payout batches, commission approval and review, settings and campaigns.
import { formatPercent } from "@/lib/format";
import {
  changesBetween,
  count,
  day,
  list,
  batchMoney,
  money,
  num,
  obj,
  plain,
  str,
  type Details,
  type FieldSpec,
} from "./audit-format";
import type { AuditDescriber } from "./describe-audit-entry";

const batch = (id: string | null) => (id ? `payout batch #${id}` : "a payout batch");
const referral = (id: string | null) => (id ? `referral #${id}` : "a referral");
const campaign = (d: Details, id: string | null) =>
  str(d.campaignName) ? `campaign “${str(d.campaignName)}”` : id ? `campaign #${id}` : "a campaign";

const bps = (v: unknown) => (num(v) === null ? "none" : formatPercent(num(v)! / 10_000));
const centsOrNone = (v: unknown) => (num(v) === null ? "none" : money(v));

/** A campaign's rate as an admin set it: "20% of each payment", "$5.00 per payment", "tiered from 10%". */
function campaignRate(d: Details): string {
  const value = num(d.commissionValue);
  if (value === null) return "";
  if (d.commissionType === "flat_rate") return `${money(value)} per payment`;
  if (d.commissionType === "tier_based") return `tiered, ${bps(value)} below the first tier`;
  return `${bps(value)} of each payment`;
}

const campaignFields: FieldSpec = {
  campaignName: { label: "Name" },
  description: { label: "Description" },
  commissionType: { label: "Type", format: (v) => String(v ?? "none").replace("_", " ") },
  commissionValue: { label: "Rate or amount", format: plain },
  tiers: {
    label: "Tiers",
    format: (v) =>
      Array.isArray(v) && v.length
        ? v.map((t) => `${num(obj(t)?.minReferrals)}+ → ${bps(obj(t)?.rateBps)}`).join(", ")
        : "none",
  },
  bonusThreshold: { label: "Bonus after referrals" },
  bonusAmountCents: { label: "Bonus", format: centsOrNone },
  startsAt: { label: "Starts", format: (v) => day(v) ?? "no start" },
  endsAt: { label: "Ends", format: (v) => day(v) ?? "no end" },
};

const settingsFields: FieldSpec = {
  commissionHoldDays: { label: "Hold period", format: (v) => count(num(v) ?? 0, "day") },
  minimumPayoutCents: { label: "Minimum payout", format: centsOrNone },
  retentionBonusMonths: { label: "Retention bonus after", format: (v) => count(num(v) ?? 0, "month") },
  retentionBonusCents: { label: "Retention bonus", format: centsOrNone },
};

export const moneySentences: Record<string, AuditDescriber> = {
  "payout_batch.created": ({ actor, entityId, details: d }) => ({
    sentence:
      `${actor} created ${batch(entityId)}: ${count(num(d.lines) ?? 0, "payout")} totalling ${batchMoney(d.totals, d.totalCents)}` +
      (num(d.minimumCents) !== null ? ` (minimum ${money(d.minimumCents)} a referrer)` : ""),
  }),
  "payout_batch.paid": ({ actor, entityId, details: d }) => ({
    sentence:
      `${actor} marked ${batch(entityId)} paid: ${batchMoney(d.totals, d.totalCents)}` +
      (str(d.reference) ? `, reference “${str(d.reference)}”` : ""),
  }),
  "payout_batch.canceled": ({ actor, entityId, details: d }) => ({
    sentence: `${actor} canceled ${batch(entityId)} of ${batchMoney(d.totals, d.totalCents)}; its commissions went back to the approved balances`,
  }),
  "commissions.approve_due": ({ actor, details: d }) => {
    const n = num(d.approved) ?? 0;
    const who = d.via === "timer" ? "The daily job" : d.via === "cli" ? `${actor} (command line)` : actor;
    return {
      sentence: n
        ? `${who} approved ${count(n, "commission")} whose hold had ended`
        : `${who} ran the approval; no commission had finished its hold`,
    };
  },
  "referral.commissions_released": ({ actor, entityId, details: d }) => ({
    sentence:
      `${actor} released the commissions of ${referral(entityId)}: ${count(num(d.approvedNow) ?? 0, "commission")} approved now` +
      ((num(d.stillOnHold) ?? 0) > 0 ? `, ${num(d.stillOnHold)} still on hold` : ""),
  }),
  "referral.commissions_rejected": ({ actor, entityId, details: d }) => ({
    sentence:
      `${actor} rejected ${count(num(d.rejected) ?? 0, "commission")} of ${referral(entityId)}` +
      ((num(d.clawedBackCents) ?? 0) > 0 ? ` and clawed back ${money(d.clawedBackCents)} already paid` : ""),
  }),
  "referral.approved": ({ actor, entityId, details: d }) => {
    const c = obj(d.commissions) ?? {};
    const p = obj(d.points) ?? {};
    const badges = Array.isArray(p.badges) ? p.badges.map(String) : [];
    const parts = [
      `${count(num(c.approvedNow) ?? 0, "commission")} released`,
      `${count(num(p.releasedPoints) ?? 0, "point")} released`,
      ...(badges.length ? [`${list(badges)} badge${badges.length === 1 ? "" : "s"} earned`] : []),
    ];
    return { sentence: `${actor} approved flagged ${referral(entityId)}: ${list(parts)}` };
  },
  "referral.rejected": ({ actor, entityId, details: d }) => {
    const c = obj(d.commissions) ?? {};
    const p = obj(d.points) ?? {};
    const parts = [
      `${count(num(c.rejected) ?? 0, "commission")} rejected`,
      ...((num(c.clawedBackCents) ?? 0) > 0 ? [`${money(c.clawedBackCents)} clawed back`] : []),
      `${count(num(p.voidedPoints) ?? 0, "held point")} voided`,
    ];
    return { sentence: `${actor} rejected flagged ${referral(entityId)} as fraud: ${list(parts)}` };
  },
  "settings.commissions_updated": ({ actor, details: d }) => {
    const changes = changesBetween(obj(d.before), obj(d.after), settingsFields);
    return {
      sentence: changes.length
        ? `${actor} changed the commission settings (${list(changes.map((c) => c.label.toLowerCase()))})`
        : `${actor} saved the commission settings without changing them`,
      changes,
    };
  },
  "campaign.created": ({ actor, entityId, details: d }) => {
    const rate = campaignRate(d);
    const from = day(d.startsAt);
    const to = day(d.endsAt);
    return {
      sentence:
        `${actor} created ${campaign(d, entityId)}` +
        (rate ? `: ${rate}` : "") +
        (from || to ? `, ${from ? `from ${from}` : "from now"}${to ? ` until ${to}` : ""}` : ""),
    };
  },
  "campaign.updated": ({ actor, entityId, details: d }) => {
    const after = obj(d.after) ?? {};
    const changes = changesBetween(obj(d.before), after, {
      ...campaignFields,
      commissionValue: {
        label: "Rate or amount",
        format: (v) => campaignRate({ ...after, commissionValue: v }) || plain(v),
      },
    });
    return {
      sentence: `${actor} updated ${campaign(after, entityId)}${changes.length ? "" : " without changing it"}`,
      changes,
    };
  },
  "campaign.ended": ({ actor, entityId, details: d }) => ({
    sentence:
      `${actor} ended campaign #${entityId ?? "?"}` +
      (day(d.endsAt) ? `; it applies until ${day(d.endsAt)}` : ""),
  }),
  "campaign.codes_linked": ({ actor, entityId, details: d }) => {
    const codes = Array.isArray(d.codes) ? d.codes.map(String) : [];
    return {
      sentence: `${actor} linked ${count(codes.length, "code")} to campaign #${entityId ?? "?"}${codes.length ? `: ${list(codes)}` : ""}`,
    };
  },
  "campaign.code_unlinked": ({ actor, entityId, details: d }) => ({
    sentence: `${actor} unlinked code ${str(d.code) ?? "?"} from campaign #${entityId ?? "?"}`,
  }),
};
