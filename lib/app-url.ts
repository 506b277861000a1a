import "server-only";
import { headers } from "next/headers";

/** The public origin of this request (for invite links), from the configured URL or the Host header. */
export async function appOrigin(): Promise<string> {
  const configured = originFromEnv(process.env);
  if (configured) return configured;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}

/**
 * The origin for links sent by e-mail (password reset, address confirmation): only the configured URL.
 * A request's Host header is the sender's to choose, and a reset link pointing at an attacker's host
 * would hand them the token. Without configuration: this server on localhost, and a warning.
 */
export function configuredAppOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const configured = originFromEnv(env);
  if (configured) return configured;
  console.warn("[app-url] APP_URL is not set: e-mailed links point at localhost");
  return `http://localhost:${env.PORT || 3000}`;
}

/** The configured public URL (APP_URL, else NEXTAUTH_URL) without a trailing slash; null when neither is set. */
function originFromEnv(env: NodeJS.ProcessEnv): string | null {
  const configured = env.APP_URL?.trim() || env.NEXTAUTH_URL?.trim();
  return configured ? configured.replace(/\/+$/, "") : null;
}
