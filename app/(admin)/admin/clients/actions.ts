"use server";

import { revalidatePath } from "next/cache";
import { bpsLabel } from "@/lib/commissions/calculate-commission";
import { action } from "@/lib/action";
import { assignPartner, partnerIdFromReference } from "@/lib/clients/assign-partner";
import { createClient } from "@/lib/clients/create-client";
import { setClientStatus } from "@/lib/clients/set-client-status";
import {
  adminClientPartnerSchema,
  adminCreateClientSchema,
  clientStatusChangeSchema,
} from "@/lib/validation/clients";

/** An admin creates a client: `POST /api/clients` through the same domain call; the password is shown once. */
export const createClientAction = action(
  { access: "admin", schema: adminCreateClientSchema },
  async (input, { db, actor, ip, userAgent }) => {
    const result = await createClient(db, input, {
      actor,
      ip,
      userAgent,
      via: "admin",
    });
    revalidatePath("/admin/clients");
    return {
      status: "success",
      message: `${result.user.name} can now sign in with this temporary password. It is shown only once.`,
      data: {
        clientId: result.user.id,
        name: result.user.name,
        email: result.user.email,
        accountNumber: result.user.accountNumber,
        code: result.ownCode.code,
        tempPassword: result.tempPassword,
      },
    };
  },
);

/** Suspend or reactivate a client. */
export const setClientStatusAction = action(
  { access: "admin", schema: clientStatusChangeSchema },
  async (input, { db, actor }) => {
    const client = await setClientStatus(db, input, actor);
    revalidatePath("/admin/clients");
    revalidatePath(`/admin/clients/${client.id}`);
    const verb = client.status === "suspended" ? "suspended" : "reactivated";
    return {
      status: "success",
      message: client.changed ? `${client.name} is ${verb}.` : `${client.name} was already ${verb}.`,
    };
  },
);

/** Assign or remove a client's partner: `PUT /api/clients/:id/partner` through the same domain call. */
export const setClientPartnerAction = action(
  { access: "admin", schema: adminClientPartnerSchema },
  async (input, { db, actor }) => {
    const partnerUserId = input.intent === "assign" ? await partnerIdFromReference(db, input.partner) : null;
    const result = await assignPartner(db, { clientId: input.clientId, partnerUserId }, actor);
    revalidatePath(`/admin/clients/${result.client.id}`);
    return {
      status: "success",
      message: !result.changed
        ? "Nothing changed."
        : result.partner
          ? `${result.client.name} now belongs to ${result.partner.name}. ` +
            (result.partner.overrideBps
              ? `Payments from now on earn it ${bpsLabel(result.partner.overrideBps)}.`
              : "It has no override rate, so it earns nothing on them yet.")
          : `${result.client.name} no longer has a partner.`,
    };
  },
);
