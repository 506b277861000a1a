// HTTP load through autocannon, and the sessions it needs (next-auth credentials sign-in).
import autocannon from "autocannon";

export type LoadResult = {
  /** 2xx answers per second (the rate of work done). */
  okPerSec: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  seconds: number;
  connections: number;
};

type Req = { method?: string; path?: string; headers?: Record<string, string>; body?: string };

export type LoadOptions = {
  url: string;
  connections: number;
  seconds: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** A fresh request each time (unique bodies, random client addresses). */
  next?: () => Req;
  timeoutSeconds?: number;
};

export async function load(opts: LoadOptions): Promise<LoadResult> {
  const { next } = opts;
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    method: opts.method ?? "GET",
    headers: opts.headers,
    timeout: opts.timeoutSeconds ?? 30,
    requests: next
      ? [
          {
            setupRequest: (req) => {
              const r = next();
              return {
                ...req,
                ...r,
                headers: { ...req.headers, ...opts.headers, ...r.headers },
              } as typeof req;
            },
          },
        ]
      : undefined,
  });
  const statuses: Record<string, number> = {};
  for (const [code, s] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = s.count ?? 0;
  return {
    okPerSec: result["2xx"] / result.duration,
    requests: result.requests.total,
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    seconds: result.duration,
    connections: opts.connections,
  };
}

let address = 0;
/** A different client address per request (the server trusts one proxy hop). */
export function nextClientAddress(): string {
  address++;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
}

function cookiesFrom(res: Response, jar: Map<string, string>) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const i = pair.indexOf("=");
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
}

/** Signs in through next-auth's credentials provider; returns the Cookie header of the session. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  cookiesFrom(csrfRes, jar);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: header(),
      Origin: baseUrl,
      "X-Forwarded-For": nextClientAddress(),
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  cookiesFrom(res, jar);
  if (![...jar.keys()].some((k) => k.endsWith("session-token"))) {
    throw new Error(`Sign-in as ${email} failed (HTTP ${res.status})`);
  }
  return header();
}

/**
 * Between measurements: the server may still be answering the previous phase's queued requests (autocannon
 * stops counting, not the server), so wait until a constant request comes back promptly (at most 10 s).
 */
export async function settle(baseUrl: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 1_000));
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const t = performance.now();
    await (await fetch(`${baseUrl}/api/bench/constant`)).arrayBuffer();
    if (performance.now() - t < 50) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}
