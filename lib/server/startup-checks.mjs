// Settings without which the production server must not start: it would print "Ready" and then answer
// 500 to every request. `npm run dev` is not affected (lib/auth/secret.ts generates a development secret).
import { parseEmbedOrigins } from "../edge/embed-origins.mjs";

/**
 * Why the production server can't start with this environment, or null when it can.
 * @param {Record<string, string | undefined>} env
 * @returns {string | null}
 */
export function startupProblem(env) {
  if (!env.NEXTAUTH_SECRET?.trim() && !env.MUSENEST_ALLOW_GENERATED_SECRET) {
    return "NEXTAUTH_SECRET must be set to start the production server: it signs every session. Generate one with `openssl rand -base64 32`.";
  }
  const embedOrigins = parseEmbedOrigins(env.EMBED_ALLOWED_ORIGINS);
  if (!embedOrigins.ok) return embedOrigins.message;
  return null;
}

/**
 * The port to listen on: `-p` beats PORT beats 3000, as with `next start`.
 * @param {string | undefined} flag
 * @param {string | undefined} env
 * @returns {number | null} null when it is not a port number
 */
export function parsePort(flag, env) {
  const value = (flag ?? env ?? "3000").trim();
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) return null;
  return Number(value);
}
