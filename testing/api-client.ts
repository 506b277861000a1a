// A typed client of the API, generated from its OpenAPI document (lib/openapi/api-types.d.ts through
// openapi-fetch), that calls the real route handlers in-process: the request goes through `route()`
// (auth, zod, the domain, a real database) exactly as over HTTP, without a server. Every answer is
// checked against what the document declares for its status, so a route that drifts from its
// declaration fails the test that called it.
import path from "node:path";
import { NextRequest } from "next/server";
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "@/lib/openapi/api-types";
import { checkAgainstDocument, operationFor } from "./api-contract";

const ROOT = path.resolve(__dirname, "..");

type Handler = (req: NextRequest, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Dispatches a Request to the route module that serves it (found by the operation's path). */
async function inProcessFetch(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const { op, params } = operationFor(request.method, url.pathname);
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
