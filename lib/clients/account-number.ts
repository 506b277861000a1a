import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import type { DbOrTx } from "@/db/types";
import { eventRows, type DomainEventInput } from "@/lib/events/record-event";

const CLIENT_TYPE_PREFIX: Record<string, string> = {
  muse_owned: "MO",
  white_label: "WL",
  partner: "PA",
  agency: "AG",
};
const REGION_CODE: Record<number, string> = { 1: "US", 2: "CA", 3: "GB", 4: "EU", 5: "AU" };

/** `MO-US-30-24` + sequence: the parts of an account number that don't depend on the sequence. */
export function accountNumberPrefix(input: {
  clientType: string;
  regionId: number;
  salesChannelId: number;
  year: number;
}) {
  const type =
    CLIENT_TYPE_PREFIX[input.clientType] ??
    input.clientType
      .replace(/[^a-z]/gi, "")
      .slice(0, 2)
      .toUpperCase();
  const region = REGION_CODE[input.regionId] ?? `R${input.regionId}`;
  const channel = String(input.salesChannelId).padStart(2, "0");
  return `${type}-${region}-${channel}-${String(input.year % 100).padStart(2, "0")}`;
}

export function formatAccountNumber(prefix: string, sequence: number): string {
  return `${prefix}${String(sequence).padStart(4, "0")}`;
}

// A module constant: zod compiles a schema on its first parse, so a schema built per call is compiled per call.
const numberedRow = z.object({ account_number: col.text, last_value: col.int });

/**
 * Gives a new user the year's next account number (`MO-US-30-240001`) and returns it. The sequence is per
 * year and taken with an upsert, so concurrent signups serialise on the year's row and never share a number
 * — which is why a signup runs this as its last statement: the row stays locked only until its commit.
 * Rolled back with the signup, so numbers have no gaps.
 *
 * `events` go into the outbox in the same statement (a signup's last round trip); an event whose data has
 * an `accountNumber` key gets the number assigned here.
 */
export async function assignAccountNumber(
  db: DbOrTx,
  userId: number,
  input: { clientType: string; regionId: number; salesChannelId: number; now: Date },
  events: readonly DomainEventInput[] = [],
): Promise<string> {
  const year = input.now.getUTCFullYear();
  const prefix = accountNumberPrefix({ ...input, year });
  const outbox = events.length
    ? sql`, outbox AS (
        INSERT INTO domain_events (id, type, payload)
        SELECT e.v ->> 'id', e.v ->> 'type',
               CASE WHEN e.v -> 'payload' ? 'account_number'
                    THEN jsonb_set(e.v -> 'payload', '{account_number}', to_jsonb(numbered.account_number))
                    ELSE e.v -> 'payload' END
          FROM jsonb_array_elements(${JSON.stringify(eventRows(events))}::jsonb) WITH ORDINALITY AS e (v, n), numbered
         ORDER BY e.n)`
    : sql``;
  const [row] = rowsAs(
    await db.execute(sql`
      WITH seq AS (${nextAccountSequence(year)}), numbered AS (
        UPDATE users SET account_number = ${prefix}::text || lpad(seq.last_value::text, greatest(4, length(seq.last_value::text)), '0')
          FROM seq
         WHERE users.id = ${userId}
        RETURNING users.account_number, seq.last_value
      )${outbox}
      SELECT account_number, last_value FROM numbered`),
    numberedRow,
  );
  if (!row) throw new Error(`assignAccountNumber: user ${userId} not found`);
  // The SQL above formats as formatAccountNumber does (checked here so the two can't drift).
  if (row.account_number !== formatAccountNumber(prefix, row.last_value)) {
    throw new Error(`assignAccountNumber: ${row.account_number} is not the format of ${row.last_value}`);
  }
  return row.account_number;
}

/** The statement that takes the year's next sequence value (`RETURNING last_value`); usable as a CTE. */
export function nextAccountSequence(year: number): SQL {
  return sql`
    INSERT INTO account_number_sequences (year, last_value) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last_value = account_number_sequences.last_value + 1
    RETURNING last_value`;
}
