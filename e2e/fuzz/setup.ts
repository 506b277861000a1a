// What the fuzz suite needs before it starts: the targets that exist (route files, the build's action
// manifest), signed-in callers, real ids to aim at, and a snapshot to prove refused requests wrote nothing.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ActionEndpoint } from "./cases";
import { actionForm, actionHeaders } from "./cases";
import { actionTargets } from "./action-targets";
import type { Who } from "./runner";

const root = fileURLToPath(new URL("../..", import.meta.url));
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** `"POST app/api/clients/route.ts"` for every method every route.ts under app/ exports. */
export function routeMethodsOnDisk(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name === "route.ts") {
        const source = readFileSync(path.join(root, rel), "utf8");
        for (const m of METHODS) {
          const declared = new RegExp(`export\\s+(?:const|(?:async\\s+)?function)\\s+${m}\\b`).test(source);
          const reexported = new RegExp(`export\\s*\\{[^}]*\\bas\\s+${m}\\b`).test(source);
          if (declared || reexported) out.push(`${m} ${rel}`);
        }
      }
    }
  };
  walk("app");
  return out.sort();
}

type ManifestEntry = { exportedName?: string; workers: Record<string, unknown> };

/** The page a worker renders, as a URL: route groups dropped, dynamic segments given a value. */
function pagePath(worker: string): string {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/?page$/, "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => (/^\[.*\]$/.test(s) ? "1" : s));
  return `/${segments.join("/")}`;
}

/** Every server action of the build (`next build` writes the manifest). */
export function actionsInBuild(): Array<{ name: string; id: string; page: string }> {
  const file = path.join(root, ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const workers = Object.keys(entry.workers);
    const worker = workers.find((w) => !w.includes("[")) ?? workers[0];
    return { name: entry.exportedName ?? id, id, page: pagePath(worker) };
  });
}

export function actionEndpoints(): ActionEndpoint[] {
  return actionsInBuild()
    .filter((a) => actionTargets[a.name])
    .map((a) => ({ ...a, target: actionTargets[a.name] }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function cookiesOf(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const i = pair.indexOf("=");
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** next-auth's CSRF token and the cookie that goes with it. */
export async function csrfOf(origin: string): Promise<{ token: string; cookie: string }> {
  const jar = new Map<string, string>();
  const response = await fetch(`${origin}/api/auth/csrf`);
  cookiesOf(response, jar);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { token: csrfToken, cookie: cookieHeader(jar) };
}

/** Signs in through next-auth's credentials endpoint, as the login form does; returns the Cookie header. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrf = await csrfOf(origin);
  const jar = new Map(csrf.cookie.split("; ").map((c) => c.split("=", 2) as [string, string]));
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrf.cookie },
    body: new URLSearchParams({ csrfToken: csrf.token, email, password, json: "true" }),
  });
  cookiesOf(response, jar);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) {
    throw new Error(`Sign-in as ${email} failed: ${response.status}`);
  }
  return cookieHeader(jar);
}

/** An API key, created the way an admin does: through the api-keys page's action. */
export async function createApiKey(origin: string, adminCookie: string): Promise<string> {
  const action = actionsInBuild().find((a) => a.name === "createApiKeyAction");
  if (!action) throw new Error("createApiKeyAction is not in the build");
  const response = await fetch(origin + action.page, {
    method: "POST",
    headers: { ...actionHeaders(action.id, origin), Cookie: adminCookie },
    body: actionForm({ name: "Fuzz suite key" }),
  });
  const key = /"key":"(mnk_[^"]+)"/.exec(await response.text())?.[1];
  if (!key) throw new Error(`Could not create an API key (status ${response.status})`);
  return key;
}

export async function getJson(origin: string, path: string, headers: Record<string, string>) {
  const response = await fetch(origin + path, { headers });
  if (!response.ok) throw new Error(`GET ${path} → ${response.status}`);
  return { json: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

/**
 * What a refused request could have written, counted and searched for: the refused requests carry the
 * marker in every valid field, so any row they left behind shows it on these pages.
 */
export async function snapshot(
  origin: string,
  auth: Record<Who, Record<string, string>>,
  clientId: number,
  marker: string,
): Promise<Record<string, unknown>> {
  const admin = auth.admin;
  const exported = await getJson(origin, "/api/admin/referral-export?format=json", admin);
  const codes = await getJson(origin, `/api/clients/${clientId}/referral-codes`, admin);
  const ledger = await getJson(origin, `/api/clients/${clientId}/commissions?limit=200`, admin);
  const rewards = await getJson(origin, "/api/rewards", auth.client);
  const found: string[] = [];
  const pages: Array<[string, Who]> = [
    [`/admin/clients?q=${marker}`, "admin"],
    ["/admin/api-keys", "admin"],
    ["/admin/campaigns", "admin"],
    ["/admin/rewards", "admin"],
    ["/admin/payouts", "admin"],
    ["/dashboard", "client"],
    ["/dashboard/codes", "client"],
    ["/dashboard/earnings", "client"],
    ["/dashboard/rewards", "client"],
  ];
  const written = new RegExp(`Fuzz ${marker}|${marker}\\.\\d`);
  for (const [page, who] of pages) {
    const html = await (await fetch(origin + page, { headers: auth[who] })).text();
    if (written.test(html)) found.push(page);
  }
  const data = (body: Record<string, unknown>) => body.data as Record<string, unknown>;
  return {
    referrals: exported.headers.get("x-total-count"),
    clientCodes: JSON.stringify(data(codes.json)).match(/"code":/g)?.length ?? 0,
    clientLedger: (data(ledger.json).commissions as unknown[]).length,
    clientRewards: JSON.stringify(data(rewards.json)).length,
    pagesShowingTheMarker: found,
  };
}
