import "server-only";
import { headers } from "next/headers";

/** The public origin of this request (for invite links), from the configured URL or the Host header. */
export async function appOrigin(): Promise<string> {
  const configured = process.env.APP_URL ?? process.env.NEXTAUTH_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
