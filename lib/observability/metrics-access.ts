import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import type { DbOrTx } from "@/db/types";
import { findApiKey } from "@/lib/auth/api-keys";
import { DomainError } from "@/lib/errors";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Who may scrape /api/metrics: a bearer token equal to METRICS_TOKEN (compared in constant time) or an
 * API key (the same keys as the REST API). Anything else — no header, a session cookie, a wrong token —
 * is a 401, so a public deployment does not hand out its traffic figures.
 */
export async function authorizeMetricsScrape(
  db: DbOrTx,
  authorization: string | null,
  env: NodeJS.ProcessEnv = process.env,
): Promise<"metrics_token" | "api_key"> {
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!bearer) throw unauthorizedScrape();
  const token = env.METRICS_TOKEN?.trim();
  if (token && timingSafeEqual(digest(bearer), digest(token))) return "metrics_token";
  if (await findApiKey(db, bearer)) return "api_key";
  throw unauthorizedScrape();
}

function unauthorizedScrape() {
  return new DomainError("unauthorized", "Metrics need an API key or METRICS_TOKEN as a bearer token", {
    status: 401,
    headers: { "WWW-Authenticate": 'Bearer realm="metrics"' },
  });
}
