import { requireApiKey } from "@/lib/auth/principal";
import { revokeEmbedToken } from "@/lib/embed/embed-tokens";
import { notFound } from "@/lib/errors";
import { reply, route } from "@/lib/http";
import { embedTokenIdParamsSchema } from "@/lib/validation/embed";

export const dynamic = "force-dynamic";

/** `DELETE /api/embed-tokens/:id` (API key only): the panel it opened shows "no longer valid" from now on. */
export const DELETE = route(
  { access: "admin", params: embedTokenIdParamsSchema },
  async ({ db, principal, params }) => {
    requireApiKey(principal);
    if (!(await revokeEmbedToken(db, params.id))) throw notFound("Live embed token");
    return reply({ id: params.id, revoked: true }, { message: "Embed token revoked" });
  },
);
