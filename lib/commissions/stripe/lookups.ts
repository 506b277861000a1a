// Lookups the Stripe event handlers share: which client an event is for, which recorded payment it
// refers to, and how much of that payment is already undone.
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { payments, users } from "@/db/schema";
import type { Tx } from "@/db/types";
import { accountEmail } from "@/lib/referrals/normalize-email";
import type { Payment } from "../record-payment";

/** A user id sent as text (Stripe metadata), or null unless it is a plausible int4 id. */
export function digits(value: string | null | undefined): number | null {
  return value && /^[1-9][0-9]{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : null;
}

/** The client an invoice belongs to: `metadata.user_id` first, else the customer's e-mail. */
export async function findClient(tx: Tx, userIdText: string | undefined, email: string | null | undefined) {
  const userId = digits(userIdText);
  const conditions: SQL[] = [];
  if (userId) conditions.push(eq(users.id, userId));
  if (email) conditions.push(eq(users.email, accountEmail(email)));
  if (!conditions.length) return null;
  const [client] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "client"), or(...conditions)))
    .orderBy(userId ? sql`(${users.id} = ${userId}) DESC` : sql`1`)
    .limit(1);
  return client ?? null;
}

export async function findOriginal(
  tx: Tx,
  refs: { invoiceId: string | null; chargeId: string | null; paymentIntentId: string | null },
): Promise<Payment | null> {
  const conditions: SQL[] = [];
  if (refs.invoiceId) conditions.push(eq(payments.externalId, refs.invoiceId));
  if (refs.chargeId) conditions.push(eq(payments.providerChargeId, refs.chargeId));
  if (refs.paymentIntentId) conditions.push(eq(payments.providerPaymentIntentId, refs.paymentIntentId));
  if (!conditions.length) return null;
  const [payment] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.type, "payment"), or(...conditions)))
    .limit(1)
    // Locked before reading what was already refunded: concurrent refund events queue up here.
    .for("update");
  return payment ?? null;
}

/** Cents of a payment already refunded or charged back. */
export async function undoneCents(tx: Tx, paymentId: number): Promise<number> {
  const [row] = await tx
    .select({ cents: sql<string | null>`sum(${payments.amountCents})` })
    .from(payments)
    .where(eq(payments.refundOfPaymentId, paymentId));
  return Number(row?.cents ?? 0);
}
