// A typed client of the API, generated from its OpenAPI document (lib/openapi/api-types.d.ts through
// openapi-fetch), that calls the real route handlers in-process: the request goes through `route()`
// (auth, zod, the domain, a real database) exactly as over HTTP, without a server. Every answer is
// checked against what the document declares for its status, so a route that drifts from its
// declaration fails the test that called it.
import path from "node:path";
import { NextRequest } from "next/server";
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "@/lib/openapi/api-types";
import type { ApiOperation } from "@/lib/openapi/operation";
import { apiOperations } from "@/lib/openapi/registry";

const ROOT = path.resolve(__dirname, "..");

type Handler = (req: NextRequest, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

function match(method: string, pathname: string): { op: ApiOperation; params: Record<string, string> } {
  for (const op of apiOperations) {
    if (op.method !== method.toLowerCase()) continue;
    const names: string[] = [];
    const pattern = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    const found = new RegExp(`^${pattern}$`).exec(pathname);
    if (found) {
      const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
      return { op, params };
    }
  }
  throw new Error(`No operation for ${method} ${pathname} in lib/openapi/registry.ts`);
}

async function checkAgainstDocument(op: ApiOperation, response: Response): Promise<void> {
  const name = `${op.method.toUpperCase()} ${op.path} → ${response.status}`;
  const declared = op.responses[response.status as keyof ApiOperation["responses"]];
  const body = response.headers.get("content-type")?.includes("json") ? await response.clone().json() : null;
  if (declared) {
    if (declared.kind === "file" || !declared.schema) return;
    const data = declared.kind === "raw" ? body : body?.data;
    if (declared.kind !== "raw" && body?.success !== true) throw new Error(`${name}: not a success envelope`);
    const parsed = declared.schema.safeParse(data);
    if (!parsed.success) throw new Error(`${name}: body differs from the document: ${parsed.error.message}`);
    return;
  }
  const implied =
    response.status === 500 ||
    response.status === 503 ||
    (response.status === 400 && Boolean(op.params || op.query || op.body)) ||
    (response.status === 401 && op.access !== "public") ||
    (response.status === 403 && (op.access === "client" || op.access === "admin")) ||
    (op.errors && response.status in op.errors);
  if (!implied) throw new Error(`${name}: status not in the document`);
  if (!op.rawErrors && (body?.success !== false || typeof body.error !== "string")) {
    throw new Error(`${name}: not an error envelope`);
  }
}

/** Dispatches a Request to the route module that serves it (found by the operation's path). */
async function inProcessFetch(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const { op, params } = match(request.method, url.pathname);
  const file = `app${op.path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
  const routeModule = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, Handler>;
  const handler = routeModule[request.method];
  const body = request.method === "GET" ? undefined : await request.text();
  const req = new NextRequest(url, {
    method: request.method,
    headers: request.headers,
    body: body || undefined,
  });
  const response = await handler(req, { params: Promise.resolve(params) });
  await checkAgainstDocument(op, response);
  return response;
}

export type ApiClient = Client<paths>;

/** A client as an integration would hold it: an API key, or nothing (then the session decides). */
export function apiClient(opts: { apiKey?: string } = {}): ApiClient {
  return createClient<paths>({
    baseUrl: "http://localhost",
    fetch: inProcessFetch,
    headers: opts.apiKey ? { Authorization: `Bearer ${opts.apiKey}` } : {},
  });
}
