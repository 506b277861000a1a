import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Who the caller is: the signed-in user, or the API key in use. */
export const GET = route({ access: "user" }, async ({ principal }) => {
  if (principal.kind === "api_key")
    return { type: "api_key", api_key_id: principal.apiKeyId, name: principal.name };
  const { id, email, name, role } = principal.user;
  return { type: "user", user_id: id, email, name, role };
});
