import { and, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { DomainError, notFound } from "@/lib/errors";

export type ClientOwner = Pick<typeof users.$inferSelect, "id" | "name" | "email" | "status">;

/** The client (role `client`) with this id, whatever their status; 404 "Client not found" otherwise. */
export async function findClient(db: DbOrTx, clientId: number): Promise<ClientOwner> {
  const [client] = await db
    .select({ id: users.id, name: users.name, email: users.email, status: users.status })
    .from(users)
    .where(and(eq(users.id, clientId), eq(users.role, "client")))
    .limit(1);
  if (!client) throw notFound("Client");
  return client;
}

/** SPEC "Referral codes": only active clients may own or create codes. */
export async function requireActiveClient(db: DbOrTx, clientId: number): Promise<ClientOwner> {
  const client = await findClient(db, clientId);
  if (client.status !== "active") {
    throw new DomainError(
      "client_inactive",
      `This client account is ${client.status}; only active clients can have referral codes`,
      {
        status: 400,
      },
    );
  }
  return client;
}
