import { z } from "zod";
import { idParam } from "./referral-codes";

/** An admin names a new server-to-server key (what it is for), so keys can be told apart and revoked. */
export const createApiKeySchema = z.object({
  name: z
    .string({ error: "Name the key" })
    .trim()
    .min(2, { error: "Name the key (at least 2 characters), e.g. “Billing system”" })
    .max(80, { error: "Use at most 80 characters" }),
});

export const revokeApiKeySchema = z.object({ keyId: idParam("Key id") });
