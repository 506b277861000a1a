import { eq, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { canonicalCode } from "@/lib/referrals/code-format";
import { attributeSignup } from "@/lib/referrals/attribute-signup";
import { normalizeEmail } from "@/lib/referrals/normalize-email";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import { seedDemoCommissions } from "./seed-commissions";
import { seedDemoRewards } from "./seed-rewards";
import { referralCodes, users } from "@/db/schema";
import type { Db } from "@/db/types";

export const DEFAULT_DEMO_PASSWORD = "musenest-demo";

export function demoPassword(): string {
  return process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
}

type DemoAccount = {
  email: string;
  name: string;
  role: "admin" | "client";
  code?: string;
  codeName?: string;
  weight?: number; // share of the generated referrals
};

export const demoAccounts: DemoAccount[] = [
  { email: "admin@example.com", name: "Avery Admin", role: "admin" },
  {
    email: "maya@example.com",
    name: "Maya",
    role: "client",
    code: "MAYA2025",
    codeName: "Maya VIP Code",
    weight: 5,
  },
  {
    email: "sarah@example.com",
    name: "Sarah Johnson",
    role: "client",
    code: "SARAH25",
    codeName: "Sarah's link",
    weight: 2,
  },
  {
    email: "rose@example.com",
    name: "Rose Alvarez",
    role: "client",
    code: "ROSEVIP",
    codeName: "Rose VIP",
    weight: 1,
  },
  { email: "amanda@example.com", name: "Amanda Chen", role: "client", code: "AMANDA25", weight: 1 },
  {
    email: "agency@example.com",
    name: "Agency XYZ",
    role: "client",
    code: "XYZ-AGENCY",
    codeName: "Agency XYZ",
  },
  { email: "newbie@example.com", name: "Nina Newcomer", role: "client", code: "NINA2025" },
];

/** True when the database already holds users (the demo seed runs only on an empty database). */
export async function hasUsers(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).limit(1);
  return Boolean(row);
}

/**
 * Demo data for a fresh install: the accounts above (all with DEMO_PASSWORD), Agency XYZ as Maya's
 * white-label partner, and `referrals` attributed signups with clicks over the last 90 days.
 */
export async function seedDemo(db: Db, opts: { password?: string; referrals?: number } = {}): Promise<void> {
  const passwordHash = await hashPassword(opts.password ?? demoPassword());
  await db.transaction(async (tx) => {
    const ids = new Map<string, number>();
    for (const [i, account] of demoAccounts.entries()) {
      const [row] = await tx
        .insert(users)
        .values({
          email: account.email,
          normalizedEmail: normalizeEmail(account.email),
          name: account.name,
          passwordHash,
          role: account.role,
          businessType: account.role === "admin" ? "staff" : "creator",
          accountNumber:
            account.role === "client"
              ? `MO-US-30-${new Date().getUTCFullYear() % 100}9${String(i).padStart(3, "0")}`
              : null,
          slug: account.role === "client" ? account.email.split("@")[0] : null,
          leaderboardOptIn: account.email === "maya@example.com",
          createdAt: sql`now() - interval '120 days'`,
        })
        .returning({ id: users.id });
      ids.set(account.email, row.id);
      if (account.code) {
        await tx.insert(referralCodes).values({
          clientId: row.id,
          code: account.code,
          canonicalCode: canonicalCode(account.code),
          codeName: account.codeName ?? null,
          createdAt: sql`now() - interval '120 days'`,
        });
      }
    }
    const agencyId = ids.get("agency@example.com")!;
    await tx.update(users).set({ partnerOverrideBps: 300 }).where(eq(users.id, agencyId));
    await tx
      .update(users)
      .set({ partnerId: agencyId })
      .where(eq(users.id, ids.get("maya@example.com")!));
  });
  const weighted = demoAccounts.flatMap((a) => Array<string>(a.weight ?? 0).fill(a.email));
  await generateReferrals(db, {
    count: opts.referrals ?? 300,
    referrerEmails: weighted,
    passwordHash,
    days: 90,
  });
  await seedDemoRewards(db);
  await seedCodeStates(db);
  await seedDemoCommissions(db);
}

/**
 * Maya's extra codes, one in every state the product shows: active with a limit and expiry, expired,
 * inactive, and used up — the last through real signups (attributeSignup), as any client would.
 */
async function seedCodeStates(db: Db): Promise<void> {
  const [maya] = await db.select({ id: users.id }).from(users).where(eq(users.email, "maya@example.com"));
  const day = 86_400_000;
  const codes = [
    {
      code: "MAYA-SPRING",
      codeName: "Spring promo",
      usageLimit: 50,
      expiresAt: new Date(Date.now() + 60 * day),
    },
    { code: "MAYA2024", codeName: "Last year's code", expiresAt: new Date(Date.now() - 10 * day) },
    { code: "MAYA-PAUSED", codeName: "Paused code", isActive: false },
    { code: "MAYAFULL", codeName: "First two friends", usageLimit: 2 },
  ];
  for (const c of codes) {
    await db.insert(referralCodes).values({ clientId: maya.id, canonicalCode: canonicalCode(c.code), ...c });
  }
  for (const [name, email] of [
    ["Jordan Lee", "jordan.lee@example.org"],
    ["Priya Shah", "priya.shah@example.org"],
  ]) {
    await attributeSignup(db, {
      name,
      email,
      password: demoPassword(),
      businessType: "creator",
      referralCode: "MAYAFULL",
      source: "email",
    });
  }
}

/**
 * Bulk attributed signups for demos and benchmarks, generated inside the database (no round trip per
 * row): users, trial subscriptions, sites, clicks (about three per signup, one of them converting) and
 * usage-log rows, some flagged. Batches keep each transaction bounded; the usage-count trigger is
 * paused per batch and the counts recomputed in the same transaction, so they stay exact.
 */
export async function generateReferrals(
  db: Db,
  opts: { count: number; referrerEmails: string[]; passwordHash: string; days?: number; batchSize?: number },
): Promise<void> {
  const days = opts.days ?? 90;
  const batchSize = opts.batchSize ?? 20_000;
  const referrers = rowsAs(
    await db.execute(sql`
      SELECT DISTINCT ON (u.email) u.id, rc.id AS code_id, rc.code, u.email
        FROM users u JOIN referral_codes rc ON rc.client_id = u.id
       WHERE u.email IN ${
         opts.referrerEmails.length
           ? sql`(${sql.join(
               [...new Set(opts.referrerEmails)].map((e) => sql`${e}`),
               sql`, `,
             )})`
           : sql`(NULL)`
       }
       ORDER BY u.email, rc.id`),
    z.object({ id: col.int, code_id: col.int, code: col.text, email: col.text }),
  );
  const byEmail = new Map(referrers.map((r) => [r.email, r]));
  const picks = opts.referrerEmails.map((e) => byEmail.get(e)).filter((r) => r !== undefined);
  if (!picks.length || opts.count <= 0) return;
  const referrerIds = `{${picks.map((p) => p.id).join(",")}}`;
  const codeIds = `{${picks.map((p) => p.code_id).join(",")}}`;
  const codes = `{${picks.map((p) => `"${p.code}"`).join(",")}}`;

  for (let done = 0; done < opts.count; done += batchSize) {
    const n = Math.min(batchSize, opts.count - done);
    await db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE referral_usage_log DISABLE TRIGGER update_referral_usage_count`);
      const [{ base }] = await tx
        .select({ base: sql<number>`COALESCE(max(${users.id}), 0)::int`.mapWith(Number) })
        .from(users);
      await tx.execute(sql`
        WITH g AS (
          SELECT s AS i,
                 ${base}::int + s AS uid,
                 (${referrerIds}::int[])[1 + (s % ${picks.length})] AS referrer_id,
                 (${codeIds}::int[])[1 + (s % ${picks.length})] AS code_id,
                 (${codes}::text[])[1 + (s % ${picks.length})] AS code,
                 (ARRAY['Olivia','Liam','Emma','Noah','Ava','Elijah','Sofia','Lucas','Mia','Mateo','Isla','Kai','Zoe','Leo','Aria','Ezra','Luna','Omar','Nora','Ivy'])[1 + (s * 7) % 20] AS first,
                 (ARRAY['Smith','Garcia','Kim','Patel','Nguyen','Brown','Silva','Cohen','Okafor','Rossi','Müller','Dubois','Khan','Lopez','Ito','Novak'])[1 + (s * 11) % 16] AS last,
                 now() - (power(((s::bigint * 7919) % 1000) / 1000.0, 1.4) * ${days} * interval '1 day') - ((s::bigint * 104729) % 86400) * interval '1 second' AS at
            FROM generate_series(1, ${n}::int) s
        ), new_users AS (
          INSERT INTO users (id, email, normalized_email, name, password_hash, business_type, region_id,
                             account_number, slug, referral_code_used, referred_by_user_id, created_at, updated_at)
          OVERRIDING SYSTEM VALUE
          SELECT uid, lower(first || '.' || last || uid) || '@example.net', lower(first || '.' || last || uid) || '@example.net',
                 first || ' ' || last, ${opts.passwordHash},
                 (ARRAY['creator','studio','agency','coach'])[1 + i % 4], 1,
                 'MO-US-30-D' || lpad(uid::text, 7, '0'), 'demo-' || uid, code, referrer_id, at, at
            FROM g
          RETURNING id
        ), subs AS (
          INSERT INTO subscriptions (user_id, tier_id, status, trial_ends_at, created_at, updated_at)
          SELECT g.uid, t.id,
                 (CASE WHEN g.at > now() - interval '7 days' THEN 'trial'
                       WHEN g.i % 5 = 0 THEN 'canceled' ELSE 'active' END)::subscription_status,
                 g.at + interval '7 days', g.at, g.at
            FROM g JOIN subscription_tiers t ON t.sort_order = 1 + g.i % 3
          RETURNING id
        ), sites AS (
          INSERT INTO client_sites (user_id, name, created_at) SELECT uid, first || ' ' || last, at FROM g RETURNING id
        ), clicks AS (
          INSERT INTO referral_clicks (referral_code_id, ip_hash, user_agent, source, device_id, clicked_at)
          SELECT code_id, md5('ip' || uid), 'Mozilla/5.0 (demo)',
                 (ARRAY['link','link','whatsapp','email','sms','qr','social','link'])[1 + (i * 3) % 8]::referral_source,
                 'demo-' || uid, at - ((i % 50) + 1) * interval '1 minute'
            FROM g
          RETURNING id, device_id, source
        )
        INSERT INTO referral_usage_log (referral_code_id, referrer_user_id, referred_user_id, code_used, signup_ip, ip_hash,
                                        signup_user_agent, device_id, source, click_id, fraud_flags, is_flagged,
                                        review_status, commission_eligible, used_at)
        SELECT g.code_id, g.referrer_id, g.uid, g.code,
               '203.0.113.' || (g.uid % 250 + 1), md5('ip' || g.uid), 'Mozilla/5.0 (demo)', 'demo-' || g.uid, c.source, c.id,
               CASE WHEN g.i % 29 = 0
                    THEN '[{"rule":"same_ip_as_referrer","reason":"Signed up from the same IP address as the referrer"}]'::jsonb
                    ELSE '[]'::jsonb END,
               g.i % 29 = 0,
               (CASE WHEN g.i % 29 = 0 THEN 'pending' ELSE 'not_required' END)::review_status,
               g.i % 29 <> 0, g.at
          FROM g JOIN clicks c ON c.device_id = 'demo-' || g.uid`);
      // Clicks that did not convert: two per signup, spread over the same window.
      await tx.execute(sql`
        INSERT INTO referral_clicks (referral_code_id, ip_hash, user_agent, source, clicked_at)
        SELECT (${codeIds}::int[])[1 + (s % ${picks.length})], md5('visitor' || (${base}::int + s)), 'Mozilla/5.0 (demo)',
               (ARRAY['link','whatsapp','link','social','email','qr','sms','link'])[1 + (s * 5) % 8]::referral_source,
               now() - (((s::bigint * 6151) % 1000) / 1000.0 * ${days} * interval '1 day')
          FROM generate_series(1, ${n * 2}::int) s`);
      await tx.execute(sql`ALTER TABLE referral_usage_log ENABLE TRIGGER update_referral_usage_count`);
      await tx.execute(sql`
        UPDATE referral_codes rc SET usage_count = (SELECT count(*) FROM referral_usage_log l WHERE l.referral_code_id = rc.id)
         WHERE rc.id = ANY(${codeIds}::int[])`);
    });
  }
  // Identity sequences must move past the explicit ids used above.
  await db.execute(sql`SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users))`);
}
