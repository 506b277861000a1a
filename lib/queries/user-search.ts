import { sql, type SQL } from "drizzle-orm";
import { canonicalCode } from "@/lib/referrals/code-format";

// The one search box over people: the admin's client list, the report's referrer filter and the audit
// log's actor filter all find someone the same way, so "maya" finds the same Maya everywhere.

export type UserSearchOptions = {
  /** Also match the account number (the client list shows it). */
  accountNumber?: boolean;
  /** Also match the owner of a code that starts with the text, read as a code (`maya2o` finds MAYA2025). */
  codes?: boolean;
};

/**
 * The ids of the users whose name or e-mail contains `text`, any case, taken literally (a `%` in the box
 * is a percent sign), or whatever `options` add — as a SELECT. Written as a UNION so each branch uses its
 * own index (trigram for name, e-mail and account number; pattern btree for the code prefix): an OR
 * across a subquery can only be answered by reading every user.
 */
export function userSearchIds(text: string, options: UserSearchOptions = {}): SQL {
  const { direct, codePrefix } = searchParts(text, options);
  const byText = sql`SELECT u.id FROM users u WHERE ${sql.join(direct, sql` OR `)}`;
  return codePrefix ? sql`${byText} UNION ${codeOwners(codePrefix)}` : byText;
}

function searchParts(text: string, options: UserSearchOptions) {
  const pattern = `%${escapeLike(text)}%`;
  const direct = [sql`u.name ILIKE ${pattern}`, sql`u.email ILIKE ${pattern}`];
  if (options.accountNumber) direct.push(sql`u.account_number ILIKE ${pattern}`);
  return { direct, codePrefix: options.codes ? codePrefixOf(text) : "" };
}

/** Owners of a code that starts with `codePrefix` (canonical form); every code has an owning user. */
function codeOwners(codePrefix: string): SQL {
  return sql`SELECT rc.client_id FROM referral_codes rc WHERE rc.canonical_code LIKE ${`${codePrefix}%`} AND rc.client_id IS NOT NULL`;
}

/** The text as the start of a canonical code: letters and digits only; empty when nothing is left. */
export function codePrefixOf(text: string): string {
  return canonicalCode(text).replace(/[^A-Z0-9]/g, "");
}

/** Text for LIKE/ILIKE taken literally: `%`, `_` and `\` lose their special meaning. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
