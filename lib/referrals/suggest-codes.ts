import { inArray } from "drizzle-orm";
import { referralCodes } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { canonicalCode } from "./code-format";
import {
  brandCandidates,
  emailCandidates,
  nameCandidates,
  randomBrandCode,
  randomCode,
} from "./generate-code";

export const SUGGESTION_COUNT = 5;
const RANDOM_ROUNDS = 5;

/** The codes among `codes` whose canonical form no existing code has (one query). */
export async function freeCodes(db: DbOrTx, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const canonicals = [...new Set(codes.map(canonicalCode))];
  const taken = await db
    .select({ canonical: referralCodes.canonicalCode })
    .from(referralCodes)
    .where(inArray(referralCodes.canonicalCode, canonicals));
  const takenSet = new Set(taken.map((row) => row.canonical));
  return new Set(codes.filter((code) => !takenSet.has(canonicalCode(code))));
}

/** Drops codes whose canonical form is already in `seen` (or earlier in the list), keeping order. */
function distinct(codes: string[], seen: Set<string>): string[] {
  return codes.filter((code) => {
    const canonical = canonicalCode(code);
    if (seen.has(canonical)) return false;
    seen.add(canonical);
    return true;
  });
}

/**
 * Five distinct codes, each free at the time of asking: name-based, e-mail-based and brand first (at
 * least one of each kind when one is free, as in the seed's example), one slot kept for a random code,
 * and random codes for whatever is left. "Free" is advisory — creating the code re-checks under the
 * unique index, since someone else may take it in between.
 */
export async function suggestCodes(
  db: DbOrTx,
  { name, email, now }: { name: string; email: string; now: Date },
): Promise<string[]> {
  const seen = new Set<string>();
  const byName = distinct(nameCandidates(name, now), seen);
  const byEmail = distinct(emailCandidates(email, now), seen);
  // MUSE2025 is the first code anyone takes; the numbered brand code stands in for it then.
  const brand = distinct([...brandCandidates(now), randomBrandCode(now)], seen);

  const free = await freeCodes(db, [...byName, ...byEmail, ...brand]);
  const [freeByName, freeByEmail, freeBrand] = [byName, byEmail, brand].map((group) =>
    group.filter((code) => free.has(code)),
  );
  const personalSlots = SUGGESTION_COUNT - 1;
  const picked = new Set<string>();
  for (const first of [freeByName[0], freeByEmail[0], freeBrand[0]]) {
    if (first && picked.size < personalSlots) picked.add(first);
  }
  for (const code of [...freeByName, ...freeByEmail]) {
    if (picked.size < personalSlots) picked.add(code);
  }
  // Back in order of preference: name, e-mail, brand.
  const suggestions = [...byName, ...byEmail, ...brand].filter((code) => picked.has(code));

  for (let round = 0; suggestions.length < SUGGESTION_COUNT && round < RANDOM_ROUNDS; round++) {
    const needed = SUGGESTION_COUNT - suggestions.length;
    const candidates = distinct(
      Array.from({ length: needed + 2 }, () => randomCode()),
      seen,
    );
    const freeRandom = await freeCodes(db, candidates);
    suggestions.push(...candidates.filter((code) => freeRandom.has(code)).slice(0, needed));
  }
  if (suggestions.length < SUGGESTION_COUNT) throw new Error("Could not find enough free referral codes");
  return suggestions;
}
