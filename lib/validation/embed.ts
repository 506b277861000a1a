// The embeddable referral panel's inputs (issue 16 part 3): issuing a token (API), the panel's own query
// (token, theme, accent colour) and its create-a-code form, all from the shared field vocabulary.
import { z } from "zod";
import { dbId, dbIdText, email } from "./fields";
import { createReferralCodeSchema, idParam } from "./referral-codes";

/** A token lives at most an hour: long enough for a page visit, short enough that a leaked URL goes stale. */
export const EMBED_TOKEN_MAX_TTL_SECONDS = 3600;
export const EMBED_TOKEN_DEFAULT_TTL_SECONDS = 30 * 60;

const ttlMessage = `ttl_seconds must be a whole number from 60 to ${EMBED_TOKEN_MAX_TTL_SECONDS}`;

/** `POST /api/embed-tokens`: exactly one of `user_id` and `email` names the client. */
export const issueEmbedTokenSchema = z
  .object({
    user_id: dbId("user_id").optional(),
    email: email("email").optional(),
    ttl_seconds: z
      .number({ error: ttlMessage })
      .int({ error: ttlMessage })
      .min(60, { error: ttlMessage })
      .max(EMBED_TOKEN_MAX_TTL_SECONDS, { error: ttlMessage })
      .default(EMBED_TOKEN_DEFAULT_TTL_SECONDS),
  })
  .refine((b) => (b.user_id === undefined) !== (b.email === undefined), {
    error: "Send exactly one of user_id and email",
  });

export const embedTokenIdParamsSchema = z.object({ id: idParam("Token id") });

/** `DELETE /api/embed-tokens?user_id=42`: revoke every live token of one client. */
export const revokeEmbedTokensQuerySchema = z.object({ user_id: dbIdText("user_id") });

/**
 * The clear token as the panel URL and its form carry it: `emt_` + 43 base64url characters. Anything else is
 * refused before a database look-up (a forged token and a malformed one get the same answer).
 */
export const embedTokenText = z
  .string({ error: "The panel link is missing its token" })
  .regex(/^emt_[A-Za-z0-9_-]{43}$/, { error: "This panel link is not valid" });

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** `/embed/referrals?token=…&theme=dark&accent=%23RRGGBB`; a bad theme or colour falls back to the default. */
export const embedPanelQuerySchema = z.object({
  token: z.string().max(200).optional(),
  theme: z.enum(["light", "dark"]).catch("light"),
  accent: z
    .string()
    .regex(HEX_COLOUR)
    .transform((s) => s.toLowerCase())
    .optional()
    .catch(undefined),
});
export type EmbedPanelQuery = z.infer<typeof embedPanelQuerySchema>;
export type EmbedTheme = EmbedPanelQuery["theme"];

/** The panel's "new code" form: the token that authenticates it, and the dashboard form's own fields. */
export const embedCreateCodeSchema = z.object({ token: embedTokenText }).and(createReferralCodeSchema);
