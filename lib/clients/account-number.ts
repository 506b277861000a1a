import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import type { DbOrTx } from "@/db/types";

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

/**
 * Next account number (`MO-US-30-240001`): the sequence is per year and taken with an upsert, so
 * concurrent signups serialise on the year's row and never share a number.
 */
export async function allocateAccountNumber(
  db: DbOrTx,
  input: { clientType: string; regionId: number; salesChannelId: number; now: Date },
): Promise<string> {
  const year = input.now.getUTCFullYear();
  const [row] = rowsAs(await db.execute(nextAccountSequence(year)), z.object({ last_value: col.int }));
  return formatAccountNumber(accountNumberPrefix({ ...input, year }), row.last_value);
}

/** The statement that takes the year's next sequence value (`RETURNING last_value`); usable as a CTE. */
export function nextAccountSequence(year: number): SQL {
  return sql`
    INSERT INTO account_number_sequences (year, last_value) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last_value = account_number_sequences.last_value + 1
    RETURNING last_value`;
}
