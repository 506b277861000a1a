// rowsAs on a real database (PostgreSQL with TEST_DATABASE_URL, else PGlite): the driver differences it
// absorbs, and the error it throws when a raw query and its reader disagree.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { useTestDatabase } from "@/testing/use-test-database";

const testDb = useTestDatabase();

const probe = sql`
  SELECT 7::int AS n, count(*) AS big_count, sum(x)::numeric AS cents, NULL::bigint AS no_sum,
         'abc' AS label, NULL::text AS nothing, true AS flag,
         timestamptz '2026-03-04 05:06:07.891+00' AS at, '[{"rule":"r","reason":"why"}]'::jsonb AS flags
    FROM (VALUES (1000000000000::bigint), (2)) v(x)`;

const probeRow = z.object({
  n: col.int,
  big_count: col.int,
  cents: col.cents,
  no_sum: col.sumCents,
  label: col.text,
  nothing: col.nullableText,
  flag: col.bool,
  at: col.timestamp,
  flags: col.json(z.array(z.object({ rule: z.string(), reason: z.string() }))),
});

describe("rowsAs", () => {
  it("reads a row of the expected shape the same way on either driver", async () => {
    const rows = rowsAs(await testDb.db.execute(probe), probeRow);
    expect(rows).toEqual([
      {
        n: 7,
        big_count: 2,
        cents: 1_000_000_000_002,
        no_sum: 0,
        label: "abc",
        nothing: null,
        flag: true,
        at: new Date("2026-03-04T05:06:07.891Z"),
        flags: [{ rule: "r", reason: "why" }],
      },
    ]);
  });

  it("takes both result forms: an array (postgres.js) and { rows } (PGlite)", () => {
    const shape = z.object({ id: col.int });
    expect(rowsAs([{ id: 1 }], shape)).toEqual([{ id: 1 }]);
    expect(rowsAs({ rows: [{ id: 2 }] }, shape)).toEqual([{ id: 2 }]);
    expect(rowsAs({ rows: [] }, shape)).toEqual([]);
  });

  it("names the missing column", async () => {
    const result = await testDb.db.execute(sql`SELECT 1::int AS id, 'x' AS name`);
    expect(() => rowsAs(result, z.object({ id: col.int, name: col.text, email: col.text }))).toThrow(
      /row 0 .*column "email".*no such column.*row has columns: id, name/,
    );
  });

  it("names the column of the wrong type", async () => {
    const result = await testDb.db.execute(sql`SELECT 1::int AS id, 'x' AS name, 3::int AS count`);
    expect(() => rowsAs(result, z.object({ id: col.int, name: col.text, count: col.text }))).toThrow(
      /column "count".*got number 3/,
    );
    expect(() => rowsAs(result, z.object({ id: col.int, name: col.int }))).toThrow(
      /column "name".*got string "x"/,
    );
  });

  it("refuses a NULL where the column is not nullable", async () => {
    const result = await testDb.db.execute(sql`SELECT NULL::text AS name`);
    expect(() => rowsAs(result, z.object({ name: col.text }))).toThrow(/column "name".*got null/);
  });
});
