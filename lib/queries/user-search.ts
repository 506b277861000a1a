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
 * A WHERE condition on `users u`: name or e-mail contains `text`, any case, taken literally (a `%` in
 * the box is a percent sign), or whatever `options` add.
 */
export function userSearchCondition(text: string, options: UserSearchOptions = {}): SQL {
  const pattern = `%${escapeLike(text)}%`;
  const alternatives = [sql`u.name ILIKE ${pattern}`, sql`u.email ILIKE ${pattern}`];
  if (options.accountNumber) alternatives.push(sql`u.account_number ILIKE ${pattern}`);
  const codePrefix = options.codes ? codePrefixOf(text) : "";
  if (codePrefix) {
    alternatives.push(
      sql`u.id IN (SELECT rc.client_id FROM referral_codes rc WHERE rc.canonical_code LIKE ${`${codePrefix}%`})`,
    );
  }
  return sql`(${sql.join(alternatives, sql` OR `)})`;
}

/** The text as the start of a canonical code: letters and digits only; empty when nothing is left. */
export function codePrefixOf(text: string): string {
  return canonicalCode(text).replace(/[^A-Z0-9]/g, "");
}

/** Text for LIKE/ILIKE taken literally: `%`, `_` and `\` lose their special meaning. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
