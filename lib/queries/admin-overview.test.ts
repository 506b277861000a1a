import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { col, rowsAs } from "@/db/rows";
import { referralUsageLog, users } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { z } from "zod";
import { getAdminOverview } from "./admin-overview";
import { prng } from "@/testing/prng";

const testDb = useTestDatabase();

async function countersAndRecount() {
  const [row] = rowsAs(
    await testDb.db.execute(sql`
      SELECT (SELECT sum(clients) FROM program_counters)::int AS counted_clients,
             (SELECT sum(referrals) FROM program_counters)::int AS counted_referrals,
             (SELECT count(*) FROM users WHERE role = 'client')::int AS clients,
             (SELECT count(*) FROM referral_usage_log)::int AS referrals`),
    z.object({ counted_clients: col.int, counted_referrals: col.int, clients: col.int, referrals: col.int }),
  );
  return row;
}

let serial = 0;
const newUser = (role: "admin" | "client") => {
  const email = `counter-${++serial}@example.com`;
  return { email, normalizedEmail: email, name: `User ${serial}`, passwordHash: "x", role };
};

describe("program counters (overview's all-time counts)", () => {
  it("equal a recount after random inserts, deletes, role changes and rolled-back transactions", async () => {
    const db = testDb.db;
    const random = prng(20261202);
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];

    for (let step = 0; step < 120; step++) {
      const clients = rowsAs(
        await db.execute(sql`SELECT id FROM users WHERE role = 'client' ORDER BY id`),
        z.object({ id: col.int }),
      ).map((r) => r.id);
      const action = random();
      if (action < 0.3 || clients.length < 3) {
        // One statement inserting several users of either role.
        const batch = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
          newUser(random() < 0.8 ? "client" : "admin"),
        );
        await db.insert(users).values(batch);
      } else if (action < 0.55) {
        // Several referrals in one statement, each for a fresh referred client.
        const referred = await db
          .insert(users)
          .values(Array.from({ length: 1 + Math.floor(random() * 3) }, () => newUser("client")))
          .returning({ id: users.id });
        await db
          .insert(referralUsageLog)
          .values(
            referred.map((r) => ({ referredUserId: r.id, referrerUserId: pick(clients), codeUsed: "X" })),
          );
      } else if (action < 0.65) {
        await db.execute(sql`DELETE FROM referral_usage_log WHERE id IN (
          SELECT id FROM referral_usage_log ORDER BY random() LIMIT ${1 + Math.floor(random() * 3)}::int)`);
      } else if (action < 0.75) {
        // Deleting a referred user cascades to their referral row.
        await db.execute(sql`DELETE FROM users WHERE id = ${pick(clients)}::int`);
      } else if (action < 0.85) {
        await db.execute(sql`UPDATE users SET role = CASE WHEN role = 'client' THEN 'admin'::user_role
                                                         ELSE 'client'::user_role END
                              WHERE id IN (SELECT id FROM users ORDER BY random() LIMIT 2)`);
      } else if (action < 0.92) {
        // Updates that do not change the role leave the counters alone.
        await db.execute(sql`UPDATE users SET name = name || '.' WHERE id = ${pick(clients)}::int`);
      } else {
        await expect(
          db.transaction(async (tx) => {
            await tx.insert(users).values([newUser("client"), newUser("client")]);
            await tx.execute(
              sql`DELETE FROM referral_usage_log WHERE id IN (SELECT id FROM referral_usage_log LIMIT 1)`,
            );
            throw new Error("roll back");
          }),
        ).rejects.toThrow("roll back");
      }
      const c = await countersAndRecount();
      expect({ step, clients: c.counted_clients, referrals: c.counted_referrals }).toEqual({
        step,
        clients: c.clients,
        referrals: c.referrals,
      });
    }

    const c = await countersAndRecount();
    expect(c.referrals).toBeGreaterThan(0);
    const overview = await getAdminOverview(db);
    expect({ clients: overview.clients, referrals: overview.referrals }).toEqual({
      clients: c.clients,
      referrals: c.referrals,
    });
  });

  it("stay exact under concurrent signups (one transaction each)", async () => {
    const db = testDb.db;
    const [referrer] = await db.insert(users).values(newUser("client")).returning({ id: users.id });
    await Promise.all(
      Array.from({ length: 40 }, () =>
        db.transaction(async (tx) => {
          const [u] = await tx.insert(users).values(newUser("client")).returning({ id: users.id });
          await tx
            .insert(referralUsageLog)
            .values({ referredUserId: u.id, referrerUserId: referrer.id, codeUsed: "X" });
        }),
      ),
    );
    const c = await countersAndRecount();
    expect([c.counted_clients, c.counted_referrals]).toEqual([c.clients, c.referrals]);
  });

  it("are zero after TRUNCATE", async () => {
    await testDb.db.execute(sql`TRUNCATE users CASCADE`);
    expect(await countersAndRecount()).toEqual({
      counted_clients: 0,
      counted_referrals: 0,
      clients: 0,
      referrals: 0,
    });
  });
});
