import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { col, rowsAs } from "@/db/rows";
import { users } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { z } from "zod";

// counter_slot() (migration 0017) picks the program_counters stripe a transaction writes. Picking it by
// backend pid let two of eight pooled connections share a stripe, so one signup waited for another's whole
// transaction; these tests hold several signup-like transactions open at once and require that none waits.
const testDb = useTestDatabase({ poolMax: 12 });

const counters = async () =>
  rowsAs(
    await testDb.db.execute(sql`
      SELECT (SELECT sum(clients) FROM program_counters)::int AS counted,
             (SELECT count(*) FROM users WHERE role = 'client')::int AS recount`),
    z.object({ counted: col.int, recount: col.int }),
  )[0];

let serial = 0;
const client = () => {
  const email = `slot-${++serial}@example.com`;
  return {
    email,
    normalizedEmail: email,
    name: `Slot ${serial}`,
    passwordHash: "x",
    role: "client" as const,
  };
};

describe("counter_slot: the stripe of the program counters a transaction writes", () => {
  it("is the same for the whole transaction", async () => {
    const slots = await testDb.db.transaction(async (tx) => {
      const read = async () =>
        rowsAs(await tx.execute(sql`SELECT counter_slot() AS slot`), z.object({ slot: col.int }))[0].slot;
      await tx.insert(users).values(client());
      return [await read(), await read(), await read()];
    });
    expect(new Set(slots).size).toBe(1);
    expect(slots[0]).toBeGreaterThanOrEqual(0);
    expect(slots[0]).toBeLessThan(16);
    const { counted, recount } = await counters();
    expect(counted).toBe(recount);
  });

  it("gives concurrent writers distinct stripes, so none waits on another's counter row", async () => {
    // One connection (PGlite) runs transactions one after another: nothing can overlap there.
    const writers = testDb.kind === "postgres" ? 10 : 1;
    let arrived = 0;
    let release!: () => void;
    const allArrived = new Promise<void>((resolve) => (release = resolve));
    const before = await counters();
    const slots = await Promise.all(
      Array.from({ length: writers }, () =>
        testDb.db.transaction(async (tx) => {
          // A writer blocked on a shared stripe fails fast here instead of hanging the barrier below.
          await tx.execute(sql`SET LOCAL lock_timeout = '5s'`);
          await tx.insert(users).values([client(), client()]);
          const [{ slot }] = rowsAs(
            await tx.execute(sql`SELECT counter_slot() AS slot`),
            z.object({ slot: col.int }),
          );
          if (++arrived === writers) release();
          // Every transaction stays open, holding its stripe, until all of them have written.
          await allArrived;
          return slot;
        }),
      ),
    );
    expect(new Set(slots).size).toBe(writers);
    const after = await counters();
    expect(after.counted).toBe(after.recount);
    expect(after.recount - before.recount).toBe(2 * writers);
  });
});
