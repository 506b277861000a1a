"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { issueApiKey, withdrawApiKey } from "@/lib/auth/manage-api-keys";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/validation/api-keys";

/** Creates a server-to-server key; the clear key is in this one response and never again. */
export const createApiKeyAction = action(
  { access: "admin", schema: createApiKeySchema },
  async (input, { db, actor }) => {
    const key = await issueApiKey(db, input.name, actor);
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
  async (input, { db, actor }) => {
    await withdrawApiKey(db, input.keyId, actor);
    revalidatePath("/admin/api-keys");
    return { status: "success", message: "Key revoked. Requests with it are refused from now on." };
  },
);
