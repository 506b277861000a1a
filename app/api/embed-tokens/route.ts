import { requireApiKey } from "@/lib/auth/principal";
import { issueEmbedToken, revokeEmbedTokensForUser } from "@/lib/embed/embed-tokens";
import { embedPanelPath } from "@/lib/embed/embed-panel-url";
import { reply, route } from "@/lib/http";
import { issueEmbedTokenSchema, revokeEmbedTokensQuerySchema } from "@/lib/validation/embed";

export const dynamic = "force-dynamic";

/**
 * `POST /api/embed-tokens` (API key only): a short-lived token that opens one client's referral panel.
 * 201 `{ token, url, expires_at }`; the token is shown here once and stored only as a hash.
 */
export const POST = route(
  { access: "admin", body: issueEmbedTokenSchema },
  async ({ db, principal, body }) => {
    const key = requireApiKey(principal);
    const issued = await issueEmbedToken(db, {
      userId: body.user_id,
      email: body.email,
      ttlSeconds: body.ttl_seconds,
      apiKeyId: key.apiKeyId,
    });
    return reply(
      {
        id: issued.id,
        user_id: issued.userId,
        token: issued.token,
        url: embedPanelPath(issued.token),
        expires_at: issued.expiresAt.toISOString(),
      },
      { status: 201, message: "Embed token issued" },
    );
  },
);

/** `DELETE /api/embed-tokens?user_id=42` (API key only): revoke every live token of that client (sign-out). */
export const DELETE = route(
  { access: "admin", query: revokeEmbedTokensQuerySchema },
  async ({ db, principal, query }) => {
    requireApiKey(principal);
    const revoked = await revokeEmbedTokensForUser(db, query.user_id);
    return reply({ user_id: query.user_id, revoked }, { message: `Revoked ${revoked} embed token(s)` });
  },
);
