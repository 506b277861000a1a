import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { col, rowsAs } from "@/db/rows";
import type { Db, Tx } from "@/db/types";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { DomainError, notFound } from "@/lib/errors";
import { DB_ID_MAX } from "@/lib/validation/fields";

/**
 * Partner changes are serialised by one transaction-scoped advisory lock: two concurrent changes that are
 * each acyclic alone (A's partner becomes B while B's becomes A) could otherwise close a cycle together.
 * They are rare admin edits, so one lock for the whole graph costs nothing.
 */
const PARTNER_GRAPH_LOCK = 4_170_512;

export type PartnerSummary = { id: number; name: string; email: string; overrideBps: number | null };
export type PartnerAssignment = {
  client: { id: number; name: string };
  partner: PartnerSummary | null;
  previousPartnerId: number | null;
  changed: boolean;
};

const partnerField = "partner_user_id";
const refuse = (code: string, message: string) =>
  new DomainError(code, message, { status: 400, field: partnerField });

/**
 * Sets (or, with `partnerUserId: null`, clears) the white-label partner a client belongs to, with its audit
 * row, in one transaction. The partner earns its override on payments recorded after the change
 * (earnCommissions reads the referrer's partner when it writes a payment's commissions); commissions
 * already written keep their beneficiary. Refused with a 400 that says why: the client itself, an id that
 * is not an active client, and a partner whose own partner chain leads back to the client (a cycle).
 */
export async function assignPartner(
  db: Db,
  change: { clientId: number; partnerUserId: number | null },
  actor: AuditActor,
  now = new Date(),
): Promise<PartnerAssignment> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${PARTNER_GRAPH_LOCK})`);
    const [client] = await tx
      .select({ id: users.id, name: users.name, partnerId: users.partnerId })
      .from(users)
      .where(and(eq(users.id, change.clientId), eq(users.role, "client")))
      .for("update");
    if (!client) throw notFound("Client");

    let partner: PartnerSummary | null = null;
    if (change.partnerUserId !== null) {
      if (change.partnerUserId === client.id) {
        throw refuse("partner_is_self", "A client can't be their own partner");
      }
      const [found] = await tx
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          overrideBps: users.partnerOverrideBps,
          status: users.status,
        })
        .from(users)
        .where(and(eq(users.id, change.partnerUserId), eq(users.role, "client")));
      if (!found) throw refuse("unknown_partner", `No client has id ${change.partnerUserId}`);
      if (found.status !== "active") {
        throw refuse(
          "partner_not_active",
          `${found.name} (id ${found.id}) is ${found.status}: only an active client can be a partner`,
        );
      }
      const cycle = await partnerChainBackTo(tx, found.id, client.id);
      if (cycle) {
        throw refuse(
          "partner_cycle",
          `${found.name} (id ${found.id}) already belongs to ${client.name} (id ${client.id}) through ` +
            `their partners (${[client.id, ...cycle].join(" → ")}): a client can't be the partner of ` +
            `their own partner`,
        );
      }
      partner = { id: found.id, name: found.name, email: found.email, overrideBps: found.overrideBps };
    }

    const previousPartnerId = client.partnerId;
    const result = { client: { id: client.id, name: client.name }, partner, previousPartnerId };
    if (previousPartnerId === (partner?.id ?? null)) return { ...result, changed: false };

    await tx
      .update(users)
      .set({ partnerId: partner?.id ?? null, updatedAt: now })
      .where(eq(users.id, client.id));
    await writeAudit(tx, actor, {
      action: partner ? "client.partner_set" : "client.partner_clear",
      entityType: "user",
      entityId: client.id,
      details: { from: previousPartnerId, to: partner?.id ?? null, partnerName: partner?.name ?? null },
    });
    return { ...result, changed: true };
  });
}

/**
 * The chain of partners from `start` upwards (start, its partner, that one's partner, …) when it reaches
 * `target`, else null. The walk stops at a repeated id, so data written by hand with a cycle can't loop it.
 */
async function partnerChainBackTo(tx: Tx, start: number, target: number): Promise<number[] | null> {
  const rows = rowsAs(
    await tx.execute(sql`
      WITH RECURSIVE up (id, partner_id, path) AS (
        SELECT id, partner_id, ARRAY[id] FROM users WHERE id = ${start}
        UNION ALL
        SELECT u.id, u.partner_id, up.path || u.id
          FROM users u JOIN up ON u.id = up.partner_id
         WHERE NOT u.id = ANY (up.path)
      )
      SELECT path FROM up WHERE partner_id = ${target} LIMIT 1`),
    z.object({ path: z.array(col.int) }),
  );
  return rows.length ? [...rows[0].path, target] : null;
}

/**
 * The admin form names the partner by client id or e-mail; this turns it into the id assignPartner takes.
 * An e-mail nobody has is refused here with the same field and code as an unknown id.
 */
export async function partnerIdFromReference(db: Db, reference: string): Promise<number> {
  if (/^[1-9][0-9]{0,9}$/.test(reference) && Number(reference) <= DB_ID_MAX) return Number(reference);
  const [found] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, reference.toLowerCase()), eq(users.role, "client")));
  if (!found) throw refuse("unknown_partner", `No client has the e-mail ${reference}`);
  return found.id;
}
