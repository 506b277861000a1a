// Builders for the commission tests: referrers with codes (optionally with a partner or a campaign),
// referred clients signed up through the real attributeSignup, and payments through recordPayment.
import { eq, sql } from "drizzle-orm";
import { commissions, referralCampaigns, referralUsageLog, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { insertCode, insertUser } from "@/testing/fixtures";
import { attributeSignup } from "@/lib/referrals/attribute-signup";
import { normalizeEmail } from "@/lib/referrals/normalize-email";
import { recordPayment, type RecordPaymentInput } from "@/lib/commissions/record-payment";

export function commissionFixtures(getDb: () => Db) {
  let seq = 0;
  const next = () => `${process.pid}${++seq}`;

  async function makeUser(opts: { name?: string; role?: "admin" | "client"; partnerBps?: number } = {}) {
    const n = next();
    const email = `user${n}@example.com`;
    return insertUser(getDb(), {
      email,
      normalizedEmail: normalizeEmail(email),
      name: opts.name ?? `User ${n}`,
      role: opts.role ?? "client",
      partnerOverrideBps: opts.partnerBps ?? null,
    });
  }

  async function makeReferrer(opts: { partnerId?: number; campaignId?: number; name?: string } = {}) {
    const user = await makeUser({ name: opts.name });
    if (opts.partnerId) {
      await getDb().update(users).set({ partnerId: opts.partnerId }).where(eq(users.id, user.id));
    }
    const code = await insertCode(getDb(), user.id, `RF${next()}`.slice(0, 12), {
      campaignId: opts.campaignId ?? null,
    });
    return { user, code };
  }

  /** A client who signed up with `code` (through attributeSignup: user, trial subscription, log row). */
  async function referClient(code: string, opts: { flagged?: boolean } = {}) {
    const n = next();
    const result = await attributeSignup(getDb(), {
      name: `Referred ${n}`,
      email: opts.flagged ? `referred${n}@mailinator.com` : `referred${n}@example.org`,
      password: "correct horse battery",
      businessType: "creator",
      referralCode: code,
      ip: `198.51.${Number(n) % 250}.${Number(n) % 200}`,
    });
    return { userId: result.user.id, referralId: result.referral!.id, subscriptionId: result.subscriptionId };
  }

  async function pay(
    userId: number,
    amountCents: number,
    overrides: Partial<RecordPaymentInput> = {},
    now?: Date,
  ) {
    return recordPayment(
      getDb(),
      { externalId: `inv_${next()}`, userId, amountCents, type: "payment", ...overrides },
      now,
    );
  }

  async function makeCampaign(values: Partial<typeof referralCampaigns.$inferInsert> = {}) {
    const [campaign] = await getDb()
      .insert(referralCampaigns)
      .values({
        campaignName: `Campaign ${next()}`,
        commissionType: "percentage",
        commissionValue: 2000,
        ...values,
      })
      .returning();
    return campaign;
  }

  async function ledgerOf(beneficiaryId: number) {
    return getDb()
      .select()
      .from(commissions)
      .where(eq(commissions.beneficiaryUserId, beneficiaryId))
      .orderBy(commissions.id);
  }

  async function referralRow(referralId: number) {
    const [row] = await getDb().select().from(referralUsageLog).where(eq(referralUsageLog.id, referralId));
    return row;
  }

  /** `n` extra referrals of the referrer that have paid, inserted directly (tier and bonus tests). */
  async function addQualifiedReferrals(
    referrerId: number,
    codeId: number,
    n: number,
    opts: { amountCents?: number } = {},
  ) {
    await getDb().execute(sql`
      WITH new_users AS (
        INSERT INTO users (email, normalized_email, name, password_hash)
        SELECT 'bulk' || ${next()} || '-' || s || '@example.net', 'bulk' || ${next()} || '-' || s || '@example.net',
               'Bulk ' || s, 'x'
          FROM generate_series(1, ${n}::int) s
        RETURNING id
      ), logs AS (
        INSERT INTO referral_usage_log (referral_code_id, referrer_user_id, referred_user_id, code_used)
        SELECT ${codeId}, ${referrerId}, id, 'BULK' FROM new_users
        RETURNING referred_user_id
      )
      INSERT INTO payments (user_id, external_id, amount_cents)
      SELECT referred_user_id, 'bulk-' || referred_user_id, ${opts.amountCents ?? 1000}::bigint FROM logs`);
  }

  return {
    makeUser,
    makeReferrer,
    referClient,
    pay,
    makeCampaign,
    ledgerOf,
    referralRow,
    addQualifiedReferrals,
  };
}
