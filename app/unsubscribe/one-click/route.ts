import { z } from "zod";
import { route } from "@/lib/http";
import { unsubscribeFromLink } from "@/lib/notifications/unsubscribe";
import { unsubscribeSchema } from "@/lib/validation/notifications";

const querySchema = unsubscribeSchema.extend({ from: z.literal("page").optional() });

/**
 * POST /unsubscribe?token=… (the proxy hands plain POSTs on /unsubscribe here): RFC 8058 one-click, no
 * sign-in — the signed token names the user and the kind. A mail provider gets a 200; the confirmation
 * page's own button (`from=page`) is sent back to the page, which then says what was turned off.
 */
export const POST = route({ access: "public", query: querySchema }, async ({ db, query }) => {
  const { kind } = await unsubscribeFromLink(db, query.token);
  if (query.from === "page") {
    // Relative, so the browser stays on the origin it used (never one taken from the Host header).
    const back = `/unsubscribe?${new URLSearchParams({ token: query.token, done: "1" })}`;
    return new Response(null, { status: 303, headers: { Location: back } });
  }
  return { kind, enabled: false };
});
