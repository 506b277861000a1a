"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { action } from "@/lib/action";
import { issueApiKey, withdrawApiKey } from "@/lib/auth/manage-api-keys";
import { actorOf } from "@/lib/auth/principal";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/validation/api-keys";

/** Creates a server-to-server key; the clear key is in this one response and never again. */
export const createApiKeyAction = action(
  { access: "admin", schema: createApiKeySchema },
  async (input, { principal, ip }) => {
    const key = await issueApiKey(await getDb(), input.name, { ...actorOf(principal), ip });
    revalidatePath("/admin/api-keys");
    return {
      status: "success",
      message: `Key “${key.name}” created. Copy it now: it is shown only once.`,
      data: { key: key.key, prefix: key.prefix, name: key.name },
    };
  },
);

/** Revokes a key: calls with it are refused from now on. */
export const revokeApiKeyAction = action(
  { access: "admin", schema: revokeApiKeySchema },
  async (input, { principal, ip }) => {
    await withdrawApiKey(await getDb(), input.keyId, { ...actorOf(principal), ip });
    revalidatePath("/admin/api-keys");
    return { status: "success", message: "Key revoked. Requests with it are refused from now on." };
  },
);
