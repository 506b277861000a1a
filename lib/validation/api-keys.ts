import { z } from "zod";
import { text } from "./fields";
import { idParam } from "./referral-codes";

/** An admin names a new server-to-server key (what it is for), so keys can be told apart and revoked. */
export const createApiKeySchema = z.object({
  name: text("Name", {
    min: 2,
    max: 80,
    messages: {
      type: "Name the key",
      required: "Name the key (at least 2 characters), e.g. “Billing system”",
      tooLong: "Use at most 80 characters",
    },
  }),
});

export const revokeApiKeySchema = z.object({ keyId: idParam("Key id") });
