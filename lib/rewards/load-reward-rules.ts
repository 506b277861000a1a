import { sql } from "drizzle-orm";
import { z } from "zod";
import { rewardRules } from "@/db/schema";
import { rewardRuleKind } from "@/db/schema/enums";
import type { DbOrTx } from "@/db/types";
import {
  ruleConfigSchemas,
  ruleInForce,
  type DoubleSidedConfig,
  type Milestone,
  type Offer,
  type RewardRuleKind,
  type RuleConfig,
  type Tier,
} from "./rules";

type Identified = { ruleId: number; name: string };

/** The rules in force at one moment, each config parsed by its kind's schema. */
export type RewardRuleSet = {
  doubleSided: (Identified & DoubleSidedConfig) | null;
  tierSchedule: (Identified & { tiers: Tier[] }) | null;
  offers: (Identified & Offer)[];
  milestones: (Identified & Milestone)[];
  expiry: (Identified & { days: number }) | null;
  qualifyingActivity: Identified | null;
};

export type RuleRow = typeof rewardRules.$inferSelect;
/** What deciding which rules are in force reads of a rule row. */
export type RuleInForceRow = Pick<
  RuleRow,
  "id" | "kind" | "name" | "config" | "startsAt" | "endsAt" | "isActive"
>;

/** A row's config through its kind's schema; a row that fails it is left out (and logged), never guessed at. */
export function parseRuleConfig<K extends RewardRuleKind>(
  row: RuleInForceRow & { kind: K },
): RuleConfig<K> | null {
  const parsed = ruleConfigSchemas[row.kind].safeParse(row.config);
  if (parsed.success) return parsed.data as RuleConfig<K>;
  console.error(`[rewards] reward rule ${row.id} (${row.kind}) has an invalid config; it is ignored`);
  return null;
}

// A row's checked config, once per row object (the cached rows of ruleRowsFromJson are the same objects
// signup after signup).
const parsedConfigs = new WeakMap<RuleInForceRow, RuleConfig<RewardRuleKind> | null>();

function configOf<K extends RewardRuleKind>(row: RuleInForceRow, kind: K): RuleConfig<K> | null {
  if (row.kind !== kind) return null;
  if (!parsedConfigs.has(row)) parsedConfigs.set(row, parseRuleConfig(row as RuleInForceRow & { kind: K }));
  return parsedConfigs.get(row) as RuleConfig<K> | null;
}

/** The rules of `rows` in force at `now` (active and inside their start/end). */
export function rulesInForce(rows: RuleInForceRow[], now: Date): RewardRuleSet {
  const set: RewardRuleSet = {
    doubleSided: null,
    tierSchedule: null,
    offers: [],
    milestones: [],
    expiry: null,
    qualifyingActivity: null,
  };
  for (const row of rows) {
    if (!ruleInForce(row, now)) continue;
    const id = { ruleId: row.id, name: row.name };
    const doubleSided = configOf(row, "double_sided");
    if (doubleSided) set.doubleSided = { ...id, ...doubleSided };
    const tierSchedule = configOf(row, "tier_schedule");
    if (tierSchedule) set.tierSchedule = { ...id, ...tierSchedule };
    const offer = configOf(row, "offer");
    if (offer) set.offers.push({ ...id, ...offer, startsAt: row.startsAt, endsAt: row.endsAt });
    const milestone = configOf(row, "milestone");
    if (milestone) set.milestones.push({ ...id, ...milestone });
    const expiry = configOf(row, "expiry");
    if (expiry) set.expiry = { ...id, ...expiry };
    if (configOf(row, "qualifying_activity")) set.qualifyingActivity = id;
  }
  return set;
}

export function loadRewardRuleRows(db: DbOrTx): Promise<RuleRow[]> {
  return db.select().from(rewardRules).orderBy(rewardRules.id);
}

/** Every reward rule in force at `now`. */
export async function loadRewardRules(db: DbOrTx, now: Date): Promise<RewardRuleSet> {
  return rulesInForce(await loadRewardRuleRows(db), now);
}

/**
 * Every rule row as one JSON array, for a caller that reads the rules inside a statement it sends anyway
 * (the signup's facts): one round trip fewer than loadRewardRules. Parse it with `ruleRowsFromJson`.
 */
export const ruleRowsJson = sql`(SELECT json_agg(json_build_object(
    'id', r.id, 'kind', r.kind, 'name', r.name, 'config', r.config,
    'startsAt', r.starts_at, 'endsAt', r.ends_at, 'isActive', r.is_active) ORDER BY r.id)
  FROM reward_rules r)`;

const jsonTimestamp = z
  .string()
  .nullable()
  .transform((value) => (value === null ? null : new Date(value)));
const ruleRowJson = z.object({
  id: z.number().int(),
  kind: z.enum(rewardRuleKind.enumValues),
  name: z.string(),
  config: z.record(z.string(), z.unknown()),
  startsAt: jsonTimestamp,
  endsAt: jsonTimestamp,
  isActive: z.boolean(),
});

// The last rule rows read as text and what they parsed to: every signup reads the same few rules, and
// checking them with zod cost more CPU than the rest of its facts. Keyed by the exact text, so a changed
// rule is parsed afresh; a parse cache only, nothing is decided from it.
let lastRulesText: string | null = null;
let lastRules: RuleInForceRow[] = [];

/** The rows of `ruleRowsJson` (NULL when there are no rules); as text (`::text`), the last parse is reused. */
export function ruleRowsFromJson(value: unknown): RuleInForceRow[] {
  if (typeof value === "string" && value === lastRulesText) return lastRules;
  const parsed = typeof value === "string" ? JSON.parse(value) : value;
  const rows = z.array(ruleRowJson).nullable().parse(parsed) ?? [];
  if (typeof value === "string") {
    lastRulesText = value;
    lastRules = rows;
  }
  return rows;
}
