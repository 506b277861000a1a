import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commissionStatus } from "@/db/schema/enums";
import { rawRows, useTestDatabase } from "@/testing/use-test-database";
import { COMMISSION_STATUS_BIT } from "./commission-status-bit";

const testDb = useTestDatabase();

describe("commission status bits", () => {
  it("are the bits of the SQL commission_status_bit(), one distinct bit per status", async () => {
    const rows = rawRows<{ status: string; bit: number }>(
      await testDb.db.execute(
        sql`SELECT s::text AS status, commission_status_bit(s)::int AS bit
              FROM unnest(enum_range(NULL::commission_status)) s`,
      ),
    );
    expect(Object.fromEntries(rows.map((r) => [r.status, Number(r.bit)]))).toEqual(COMMISSION_STATUS_BIT);
    expect(Object.keys(COMMISSION_STATUS_BIT).sort()).toEqual([...commissionStatus.enumValues].sort());
    const bits = Object.values(COMMISSION_STATUS_BIT);
    expect(bits.reduce((a, b) => a | b, 0)).toBe(bits.reduce((a, b) => a + b, 0));
  });
});
