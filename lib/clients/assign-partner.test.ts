import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { commissionFixtures } from "@/testing/commissions";
import { refusal } from "@/testing/fixtures";
import { useTestDatabase } from "@/testing/use-test-database";
import { clientPartnerSchema } from "@/lib/validation/clients";
import { getClientDetail } from "@/lib/queries/admin-clients";
import { assignPartner, partnerIdFromReference } from "./assign-partner";

const testDb = useTestDatabase({ poolMax: 12 });
const f = commissionFixtures(() => testDb.db);
const actor = { actorUserId: null, ip: "203.0.113.9" };

const partnerOf = async (id: number) =>
  (await testDb.db.select({ p: users.partnerId }).from(users).where(eq(users.id, id)))[0].p;
const auditsOf = (id: number) =>
  testDb.db
    .select({ action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, String(id))))
    .orderBy(auditLog.id);

describe("assignPartner: PUT /api/clients/:id/partner and the admin client page", () => {
  it("applies to payments recorded after the change, never to commissions already written", async () => {
    const agency = await f.makeUser({ name: "Agency Co", partnerBps: 300 });
    const { user: referrer, code } = await f.makeReferrer();
    const referred = await f.referClient(code.code);

    await f.pay(referred.userId, 3_995); // before: direct only
    const set = await assignPartner(testDb.db, { clientId: referrer.id, partnerUserId: agency.id }, actor);
    expect(set).toMatchObject({
      changed: true,
      previousPartnerId: null,
      partner: { id: agency.id, name: "Agency Co", overrideBps: 300 },
    });
    await f.pay(referred.userId, 3_995); // after: the agency's 3% too

    const agencyRows = await f.ledgerOf(agency.id);
    expect(agencyRows.map((c) => [c.level, c.amountCents])).toEqual([["partner", 119]]);
    expect((await f.ledgerOf(referrer.id)).filter((c) => c.level === "direct")).toHaveLength(2);

    const detail = await getClientDetail(testDb.db, referrer.id);
    // The page's figures come from counters and rollups: equal to the ledger and the log.
    const ledger = await f.ledgerOf(referrer.id);
    const sumOf = (status: string) =>
      ledger.filter((c) => c.status === status).reduce((n, c) => n + c.amountCents, 0);
    expect(detail?.stats).toEqual({
      referrals: 1,
      inReview: 0,
      clicks: 0,
      onHoldCents: sumOf("pending"),
      approvedCents: sumOf("approved"),
      paidCents: sumOf("paid"),
    });
    expect(detail?.stats.onHoldCents).toBeGreaterThan(0);
    expect(detail?.partner).toEqual({ id: agency.id, name: "Agency Co", overrideBps: 300 });
    expect((await getClientDetail(testDb.db, agency.id))?.ownOverrideBps).toBe(300);

    // Cleared: the next payment earns the agency nothing more; what it earned stays.
    const cleared = await assignPartner(testDb.db, { clientId: referrer.id, partnerUserId: null }, actor);
    expect(cleared).toMatchObject({ changed: true, partner: null, previousPartnerId: agency.id });
    await f.pay(referred.userId, 3_995);
    expect(await f.ledgerOf(agency.id)).toHaveLength(1);

    expect(await auditsOf(referrer.id)).toEqual([
      { action: "client.partner_set", details: { from: null, to: agency.id, partnerName: "Agency Co" } },
      { action: "client.partner_clear", details: { from: agency.id, to: null, partnerName: null } },
    ]);
  });

  it("changes nothing and writes no audit row when the partner is already the one asked for", async () => {
    const agency = await f.makeUser({ partnerBps: 250 });
    const client = await f.makeUser();
    await assignPartner(testDb.db, { clientId: client.id, partnerUserId: agency.id }, actor);
    const again = await assignPartner(testDb.db, { clientId: client.id, partnerUserId: agency.id }, actor);
    expect(again.changed).toBe(false);
    expect(await auditsOf(client.id)).toHaveLength(1);
    expect(
      (await assignPartner(testDb.db, { clientId: agency.id, partnerUserId: null }, actor)).changed,
    ).toBe(false);
  });

  it("refuses the client itself, unknown ids, admins, inactive partners and unknown clients, saying why", async () => {
    const client = await f.makeUser({ name: "Casey" });
    const admin = await f.makeUser({ role: "admin" });
    const suspended = await f.makeUser({ name: "Sam Suspended" });
    await testDb.db.update(users).set({ status: "suspended" }).where(eq(users.id, suspended.id));

    const self = await refusal(
      assignPartner(testDb.db, { clientId: client.id, partnerUserId: client.id }, actor),
    );
    expect(self).toMatchObject({ status: 400, code: "partner_is_self", field: "partner_user_id" });
    expect(self.message).toBe("A client can't be their own partner");

    const unknown = await refusal(
      assignPartner(testDb.db, { clientId: client.id, partnerUserId: 2_000_000_000 }, actor),
    );
    expect(unknown).toMatchObject({ status: 400, code: "unknown_partner" });
    expect(unknown.message).toBe("No client has id 2000000000");
    expect(
      await refusal(assignPartner(testDb.db, { clientId: client.id, partnerUserId: admin.id }, actor)),
    ).toMatchObject({ status: 400, code: "unknown_partner" });

    const inactive = await refusal(
      assignPartner(testDb.db, { clientId: client.id, partnerUserId: suspended.id }, actor),
    );
    expect(inactive.message).toContain("Sam Suspended");
    expect(inactive.message).toContain("is suspended");

    expect(
      await refusal(assignPartner(testDb.db, { clientId: admin.id, partnerUserId: null }, actor)),
    ).toMatchObject({ status: 404 });
    expect(await partnerOf(client.id)).toBeNull();
    expect(await auditsOf(client.id)).toEqual([]);
  });

  it("refuses cycles of any length and names the chain", async () => {
    const a = await f.makeUser({ name: "Ann" });
    const b = await f.makeUser({ name: "Ben" });
    const c = await f.makeUser({ name: "Cat" });
    await assignPartner(testDb.db, { clientId: a.id, partnerUserId: b.id }, actor);
    const twoWay = await refusal(assignPartner(testDb.db, { clientId: b.id, partnerUserId: a.id }, actor));
    expect(twoWay).toMatchObject({ status: 400, code: "partner_cycle", field: "partner_user_id" });
    expect(twoWay.message).toContain(`(${b.id} → ${a.id} → ${b.id})`);

    await assignPartner(testDb.db, { clientId: b.id, partnerUserId: c.id }, actor);
    const threeWay = await refusal(assignPartner(testDb.db, { clientId: c.id, partnerUserId: a.id }, actor));
    expect(threeWay.message).toContain(`(${c.id} → ${a.id} → ${b.id} → ${c.id})`);
    // A chain that doesn't come back is fine: Cat may belong to someone else.
    const d = await f.makeUser();
    expect((await assignPartner(testDb.db, { clientId: c.id, partnerUserId: d.id }, actor)).changed).toBe(
      true,
    );
  });

  it("lets no two concurrent changes close a cycle together", async () => {
    for (let round = 0; round < 5; round++) {
      const a = await f.makeUser();
      const b = await f.makeUser();
      const outcomes = await Promise.allSettled([
        assignPartner(testDb.db, { clientId: a.id, partnerUserId: b.id }, actor),
        assignPartner(testDb.db, { clientId: b.id, partnerUserId: a.id }, actor),
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const rejected = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
      expect(rejected.reason).toMatchObject({ code: "partner_cycle" });
      const partners = [await partnerOf(a.id), await partnerOf(b.id)];
      expect(partners.filter((p) => p !== null)).toHaveLength(1);
    }
  });

  it("reads the partner from the admin form by e-mail or id, and parses the API body strictly", async () => {
    const agency = await f.makeUser();
    const [row] = await testDb.db.select({ email: users.email }).from(users).where(eq(users.id, agency.id));
    expect(await partnerIdFromReference(testDb.db, row.email.toUpperCase())).toBe(agency.id);
    expect(await partnerIdFromReference(testDb.db, String(agency.id))).toBe(agency.id);
    const missing = await refusal(partnerIdFromReference(testDb.db, "nobody@example.net"));
    expect(missing).toMatchObject({ status: 400, code: "unknown_partner", field: "partner_user_id" });

    expect(clientPartnerSchema.parse({ partner_user_id: 12 })).toEqual({ partner_user_id: 12 });
    expect(clientPartnerSchema.parse({ partner_user_id: null })).toEqual({ partner_user_id: null });
    for (const bad of [
      {},
      { partner_user_id: "12" },
      { partner_user_id: 0 },
      { partner_user_id: 12, x: 1 },
    ]) {
      expect(clientPartnerSchema.safeParse(bad).success).toBe(false);
    }
  });
});
