import { sql } from "drizzle-orm";
import { openPostgres, runMigrations } from "@/db/open";
import { referralCodes, users } from "@/db/schema";
import { generateReferrals } from "@/db/seed";
import { rowsOf } from "@/db/rows";
import postgres from "postgres";

const admin = postgres("postgres://postgres@127.0.0.1:5432/postgres");
const name = process.argv[2] ?? "mn_explain";
const fresh = process.argv[3] === "fresh";
if (fresh) {
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${name}`);
}
await admin.end();
const h = await openPostgres(`postgres://postgres@127.0.0.1:5432/${name}`);
if (fresh) {
  await runMigrations(h);
  const emails = ["big1@example.com", "big2@example.com", "big3@example.com"];
  for (const [i, email] of emails.entries()) {
    const [u] = await h.db.insert(users).values({ email, normalizedEmail: email, name: `Big ${i}`, passwordHash: "x" }).returning({ id: users.id });
    await h.db.insert(referralCodes).values({ clientId: u.id, code: `BIGREF${i + 2}`, canonicalCode: `B1GREF${i + 2}` });
  }
  await generateReferrals(h.db, { count: Number(process.argv[4] ?? 100000), referrerEmails: emails, passwordHash: "x", days: 365 });
}
const q = process.env.Q!;
const rows = rowsOf<Record<string, string>>(await h.db.execute(sql.raw(`EXPLAIN (ANALYZE, BUFFERS) ${q}`)));
console.log(rows.map((r) => Object.values(r)[0]).join("\n"));
await h.close();
