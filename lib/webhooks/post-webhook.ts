import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { SafeTarget } from "./safe-target";

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const RESPONSE_LIMIT_BYTES = 64 * 1024;

export type PostResult =
  | { ok: boolean; statusCode: number; body: string; latencyMs: number }
  | { ok: false; statusCode: null; error: string; latencyMs: number };

/**
 * POSTs a signed webhook to the address resolveSafeTarget checked: the connection goes to that address
 * whatever DNS says now (the Host header and TLS name stay the URL's). Redirects are not followed (a 3xx
 * is a failure), the whole exchange is cut at the timeout, and at most 64 kB of the response is read.
 */
export function postWebhook(
  target: SafeTarget,
  headers: Record<string, string>,
  body: string,
  opts: { timeoutMs?: number } = {},
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: target.address, family: target.family },
      ]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = client.request(
      target.url,
      {
        method: "POST",
        lookup: pinned,
        agent: false,
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "MuseNest-Referrals-Webhooks/1",
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const statusCode = res.statusCode ?? 0;
          finish({
            ok: statusCode >= 200 && statusCode < 300,
            statusCode,
            body: Buffer.concat(chunks).toString("utf8").slice(0, RESPONSE_LIMIT_BYTES),
            latencyMs: elapsed(),
          });
          res.destroy();
        };
        res.on("data", (chunk: Buffer) => {
          if (size >= RESPONSE_LIMIT_BYTES) return;
          chunks.push(chunk.subarray(0, RESPONSE_LIMIT_BYTES - size));
          size += chunk.length;
          if (size >= RESPONSE_LIMIT_BYTES) done();
        });
        res.on("end", done);
        res.on("error", done);
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish({ ok: false, statusCode: null, error: "Timed out after 10 s", latencyMs: elapsed() });
    }, opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
    req.on("error", (error: NodeJS.ErrnoException) =>
      finish({
        ok: false,
        statusCode: null,
        error: error.code ? `Connection failed (${error.code})` : "Connection failed",
        latencyMs: elapsed(),
      }),
    );
    req.end(body);
  });
}
