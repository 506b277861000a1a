import { eq, sql } from "drizzle-orm";
import { assignAccountNumber } from "@/lib/clients/account-number";
import { hashPassword } from "@/lib/auth/password";
import { canonicalCode } from "@/lib/referrals/code-format";
import { skipPendingNotificationEvents } from "@/lib/notifications/skip-events";
import { attributeSignup } from "@/lib/referrals/attribute-signup";
import { normalizeEmail } from "@/lib/referrals/normalize-email";
import { generateReferrals } from "./generate-referrals";
import { seedDemoCommissions } from "./seed-commissions";
import { seedDemoRewards } from "./seed-rewards";
import { referralCodes, users } from "@/db/schema";
import type { Db } from "@/db/types";

export { generateReferrals };

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

/**
 * `npm run db:seed`'s program: of the 60% of referrals that go to demo referrers (the rest go to the
 * long tail), Maya gets 25 shares in 30, so about half of all. Amanda stays without money (the
 * end-to-end tests start from her account).
 */
export const PROGRAM_REFERRERS: [email: string, shares: number][] = [
  ["maya@example.com", 25],
  ["sarah@example.com", 3],
  ["rose@example.com", 1],
  ["newbie@example.com", 1],
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
    for (const account of demoAccounts) {
      const [row] = await tx
        .insert(users)
        .values({
          email: account.email,
          normalizedEmail: normalizeEmail(account.email),
          name: account.name,
          passwordHash,
          role: account.role,
          businessType: account.role === "admin" ? "staff" : "creator",
          slug: account.role === "client" ? account.email.split("@")[0] : null,
          leaderboardOptIn: account.email === "maya@example.com",
          createdAt: sql`now() - interval '120 days'`,
        })
        .returning({ id: users.id });
      ids.set(account.email, row.id);
      // From the year's sequence like every other client, so a signup never meets a demo account's number.
      if (account.role === "client") {
        await assignAccountNumber(tx, row.id, {
          clientType: "muse_owned",
          regionId: 1,
          salesChannelId: 30,
          now: new Date(),
        });
      }
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
  // The demo's history is not news: nobody is e-mailed about the seeded signups, approvals and payouts.
  await skipPendingNotificationEvents(db);
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
