import { sql } from "drizzle-orm";

/**
 * A timestamp parameter for raw `sql` fragments. Drizzle's postgres.js driver passes dates through as
 * strings (its own columns serialise them), so a bare Date in a raw fragment fails there while PGlite
 * accepts it; an ISO string cast to timestamptz works on both.
 */
export function timestampParam(date: Date) {
  return sql`${date.toISOString()}::timestamptz`;
}

/** A bigint[] parameter from ids, as an array literal: both drivers pass a string through unchanged. */
export function idArrayParam(ids: readonly number[]) {
  if (!ids.every(Number.isSafeInteger)) throw new Error("idArrayParam: ids must be integers");
  return sql`${`{${ids.join(",")}}`}::bigint[]`;
}
