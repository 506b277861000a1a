import { eq } from "drizzle-orm";
import { rewardRules } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError, notFound } from "@/lib/errors";
import { issueDetails } from "@/lib/validation/issues";
import { ruleConfigSchemas, type RewardRuleKind } from "./rules";

export type RewardRule = typeof rewardRules.$inferSelect;

export type RuleChange = {
  /** Absent: a new offer (offers are the one kind admins add; the others are edited in place). */
  ruleId?: number;
  kind: RewardRuleKind;
  name?: string;
  config: unknown;
  isActive: boolean;
  startsAt?: Date | null;
  endsAt?: Date | null;
};

function validConfig(kind: RewardRuleKind, config: unknown) {
  const parsed = ruleConfigSchemas[kind].safeParse(config);
  if (!parsed.success) {
    throw new DomainError("invalid_reward_rule", parsed.error.issues[0].message, {
      details: issueDetails(parsed.error),
    });
  }
  return parsed.data as Record<string, unknown>;
}

function checkWindow(change: RuleChange): void {
  if (change.kind !== "offer") return;
  if (change.isActive && (!change.startsAt || !change.endsAt)) {
    throw new DomainError("invalid_reward_rule", "An active offer needs a start and an end date", {
      field: change.startsAt ? "endsOn" : "startsOn",
    });
  }
  if (change.startsAt && change.endsAt && change.startsAt >= change.endsAt) {
    throw new DomainError("invalid_reward_rule", "The offer must end after it starts", { field: "endsOn" });
  }
}

const snapshot = (r: RewardRule) => ({
  name: r.name,
  config: r.config,
  isActive: r.isActive,
  startsAt: r.startsAt,
  endsAt: r.endsAt,
});

/**
 * An admin edits a reward rule (or adds an offer). The config is checked by its kind's schema, a milestone
 * keeps its badge, and the change is audited with before and after in the same transaction. New values
 * apply to points earned from now on; points already in the ledger keep the amounts they were given.
 */
export async function saveRewardRule(db: DbOrTx, actor: AuditActor, change: RuleChange): Promise<RewardRule> {
  const config = validConfig(change.kind, change.config);
  checkWindow(change);
  return db.transaction(async (tx) => {
    if (change.ruleId === undefined) {
      if (change.kind !== "offer") {
        throw new DomainError(
          "invalid_reward_rule",
          "Only offers can be added; edit the other rules in place",
        );
      }
      const [created] = await tx
        .insert(rewardRules)
        .values({
          kind: "offer",
          name: change.name?.trim() || "Offer",
          config,
          isActive: change.isActive,
          startsAt: change.startsAt ?? null,
          endsAt: change.endsAt ?? null,
          updatedByUserId: actor.actorUserId,
        })
        .returning();
      await writeAudit(tx, actor, {
        action: "reward_rule.create",
        entityType: "reward_rule",
        entityId: created.id,
        details: { kind: created.kind, after: snapshot(created) },
      });
      return created;
    }

    const [rule] = await tx.select().from(rewardRules).where(eq(rewardRules.id, change.ruleId)).for("update");
    if (!rule) throw notFound("Reward rule");
    if (rule.kind !== change.kind) {
      throw new DomainError(
        "invalid_reward_rule",
        `Rule ${rule.id} is a ${rule.kind} rule, not ${change.kind}`,
      );
    }
    if (rule.kind === "milestone" && (rule.config as { badge?: unknown }).badge !== config.badge) {
      throw new DomainError(
        "invalid_reward_rule",
        "A milestone keeps its badge; change its threshold or bonus",
      );
    }
    const [updated] = await tx
      .update(rewardRules)
      .set({
        name: change.name?.trim() || rule.name,
        config,
        isActive: change.isActive,
        // Only offers are time-limited; the other kinds run while active.
        startsAt: rule.kind === "offer" ? (change.startsAt ?? null) : rule.startsAt,
        endsAt: rule.kind === "offer" ? (change.endsAt ?? null) : rule.endsAt,
        updatedByUserId: actor.actorUserId,
        updatedAt: new Date(),
      })
      .where(eq(rewardRules.id, rule.id))
      .returning();
    await writeAudit(tx, actor, {
      action: "reward_rule.update",
      entityType: "reward_rule",
      entityId: rule.id,
      details: { kind: rule.kind, before: snapshot(rule), after: snapshot(updated) },
    });
    return updated;
  });
}
