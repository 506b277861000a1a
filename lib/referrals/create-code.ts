import { eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { referralCampaigns, referralCodes } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { DomainError } from "@/lib/errors";
import { hasWindowEnded } from "@/lib/time-window";
import { canonicalCode, displayCode, validateCodeFormat } from "./code-format";
import { checkedCodeSettings, type CodeSettings } from "./code-settings";
import { requireActiveClient } from "./find-client";
import { emailCandidates, nameCandidates, randomCode } from "./generate-code";
import { freeCodes } from "./suggest-codes";

export type ReferralCode = typeof referralCodes.$inferSelect;
export type DefaultCode = Pick<ReferralCode, "id" | "code">;

export type CreateReferralCodeInput = CodeSettings & {
  /** The code the client asked for; generated when absent. */
  customCode?: string;
  campaignId?: number | null;
};

const RANDOM_ATTEMPTS = 10;

/** Names the code it clashes with: `MAYA-2O25` is refused because it reads as `MAYA2025`, which exists. */
export const codeTakenMessage = (code: string, existing?: string) =>
  existing === undefined || existing === code
    ? `Code "${code}" is already taken`
    : `Code "${code}" reads the same as ${existing}, which already exists`;

/**
 * A new code for an active client: the custom code they asked for (refused when another code has the
 * same canonical form) or a random one. Uniqueness is left to the unique index, not to a prior look-up,
 * so two requests racing for one code cannot both win.
 */
export async function createReferralCode(
  db: DbOrTx,
  clientId: number,
  input: CreateReferralCodeInput,
  now: Date = new Date(),
): Promise<ReferralCode> {
  const settings = checkedCodeSettings(input, now);
  let customCode: string | undefined;
  if (input.customCode !== undefined) {
    const format = validateCodeFormat(input.customCode);
    if (!format.valid) {
      throw new DomainError("invalid_code_format", "Invalid code format", {
        field: "custom_code",
        details: format.errors,
      });
    }
    customCode = displayCode(input.customCode);
  }

  return db.transaction(async (tx) => {
    await requireActiveClient(tx, clientId);
    const campaignId = input.campaignId ?? null;
    if (campaignId !== null) await requireRunningCampaign(tx, campaignId, now);
    const values = { ...settings, clientId, campaignId };
    if (customCode === undefined) return insertFirstFree(tx, [], values);
    const row = await tryInsertCode(tx, { ...values, code: customCode });
    if (!row) {
      const [existing] = await tx
        .select({ code: referralCodes.code })
        .from(referralCodes)
        .where(eq(referralCodes.canonicalCode, canonicalCode(customCode)));
      throw new DomainError("code_taken", codeTakenMessage(customCode, existing?.code), {
        field: "custom_code",
      });
    }
    return row;
  });
}

/**
 * The code every client gets at signup: the first free name-based code (`MAYA2025`, `MAYA25`,
 * `MAYAVIP`), then e-mail-based (`AMANDA25`), else random (`REF8H92N`). Runs inside the caller's
 * transaction, on a user it has just created as an active client.
 */
export async function createDefaultCode(
  tx: DbOrTx,
  { userId, name, email }: { userId: number; name: string; email: string },
  now: Date = new Date(),
): Promise<DefaultCode> {
  const preferred = defaultCodeCandidates({ name, email }, now);
  return (
    (await insertFirstFreeCandidate(tx, userId, preferred)) ??
    insertDefaultCodeFallback(tx, userId, preferred)
  );
}

/** The own code's candidates in order: name-based, e-mail-based, then a random one. */
export function defaultCodeCandidates({ name, email }: { name: string; email: string }, now: Date): string[] {
  // A random code goes last: when every name and e-mail code is taken (common names in a big program),
  // the same one statement still inserts a code.
  return [...nameCandidates(name, now), ...emailCandidates(email, now), randomCode()];
}

/**
 * Rarely needed: a concurrent signup took the candidate the one-statement insert picked. The others are
 * tried one by one, then more random ones.
 */
export function insertDefaultCodeFallback(tx: DbOrTx, userId: number, preferred: string[]) {
  return insertFirstFree(tx, preferred, { clientId: userId });
}

/**
 * The first of `candidates` whose canonical form is free, inserted in one statement (the signup's own
 * code costs one round trip). Null when all are taken — or one was taken concurrently, which the
 * conflict clause turns into no row rather than an error.
 */
async function insertFirstFreeCandidate(
  tx: DbOrTx,
  clientId: number,
  candidates: string[],
): Promise<DefaultCode | null> {
  const insert = firstFreeCandidateInsert(sql`${clientId}::int`, candidates);
  if (!insert) return null;
  const [row] = rowsAs(await tx.execute(insert), z.object({ id: col.int, code: col.text }));
  return row ?? null;
}

/**
 * The insert of the first free candidate (`RETURNING id, code`), usable as a CTE: `clientId` may be a
 * subquery on a user inserted by the same statement. Null without candidates.
 */
export function firstFreeCandidateInsert(clientId: SQL, candidates: string[]): SQL | null {
  const seen = new Set<string>();
  const rows = candidates.flatMap((code, n) => {
    const canonical = canonicalCode(code);
    if (seen.has(canonical)) return [];
    seen.add(canonical);
    return [sql`(${n}::int, ${code}::text, ${canonical}::text)`];
  });
  if (!rows.length) return null;
  return sql`
      INSERT INTO referral_codes (client_id, code, canonical_code)
      SELECT ${clientId}, c.code, c.canonical FROM (VALUES ${sql.join(rows, sql`, `)}) c (n, code, canonical)
       WHERE NOT EXISTS (SELECT 1 FROM referral_codes t WHERE t.canonical_code = c.canonical)
       ORDER BY c.n LIMIT 1
      ON CONFLICT (canonical_code) DO NOTHING
      RETURNING id, code`;
}

type NewCode = Omit<typeof referralCodes.$inferInsert, "canonicalCode" | "code">;

async function insertFirstFree(db: DbOrTx, preferred: string[], values: NewCode): Promise<ReferralCode> {
  const free = await freeCodes(db, preferred);
  const tried = new Set<string>();
  for (const code of preferred) {
    if (!free.has(code) || tried.has(canonicalCode(code))) continue;
    tried.add(canonicalCode(code));
    const row = await tryInsertCode(db, { ...values, code });
    if (row) return row;
  }
  for (let attempt = 0; attempt < RANDOM_ATTEMPTS; attempt++) {
    const row = await tryInsertCode(db, { ...values, code: randomCode() });
    if (row) return row;
  }
  throw new Error(`No free referral code after ${RANDOM_ATTEMPTS} random attempts`);
}

/**
 * Inserts the code, or returns null when its canonical form is taken (ON CONFLICT on the canonical key:
 * no error, so the caller's transaction stays usable for the next attempt, without a savepoint).
 */
async function tryInsertCode(db: DbOrTx, values: NewCode & { code: string }): Promise<ReferralCode | null> {
  const [row] = await db
    .insert(referralCodes)
    .values({ ...values, canonicalCode: canonicalCode(values.code) })
    .onConflictDoNothing({ target: referralCodes.canonicalCode })
    .returning();
  return row ?? null;
}

/** Codes may join a campaign only while an admin runs it (active and not ended). */
async function requireRunningCampaign(db: DbOrTx, campaignId: number, now: Date): Promise<void> {
  const [campaign] = await db
    .select({ isActive: referralCampaigns.isActive, endsAt: referralCampaigns.endsAt })
    .from(referralCampaigns)
    .where(eq(referralCampaigns.id, campaignId))
    .limit(1);
  if (!campaign || !campaign.isActive || hasWindowEnded({ startsAt: null, endsAt: campaign.endsAt }, now)) {
    throw new DomainError("campaign_unavailable", "Campaign not found or no longer running", {
      field: "campaign_id",
    });
  }
}
