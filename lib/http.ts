import "server-only";
import type { NextRequest } from "next/server";
import { z, ZodError, type ZodType } from "zod";
import {
  authorize,
  resolvePrincipal,
  type Access,
  type Authorized,
  type Principal,
} from "@/lib/auth/principal";
import { entryContext, type EntryContext } from "@/lib/context";
import { DomainError, isStatementTimeout, STATEMENT_TIMEOUT_MESSAGE } from "@/lib/errors";
import { clientIp, userAgent } from "@/lib/request-info";
import { issueDetails } from "@/lib/validation/issues";

/** A success body with a status and the seed's optional `message`. */
export class Reply<T> {
  constructor(
    readonly data: T,
    readonly init: { status?: number; message?: string; headers?: Record<string, string> } = {},
  ) {}
}
export const reply = <T>(data: T, init?: Reply<T>["init"]) => new Reply(data, init);

type Parsed<S> = S extends ZodType ? z.output<S> : undefined;

/**
 * The database, the caller (`principal`: what the route's access level proved, e.g. a signed-in client for
 * `client`), its audit actor and address, and the parsed request.
 */
export type RouteContext<P, Q, B, A extends Access = Access> = EntryContext<Authorized<Principal, A>> & {
  req: NextRequest;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
};

type RouteConfig<P, Q, B, A extends Access> = { access: A; params?: P; query?: Q; body?: B };
type Segment = { params: Promise<Record<string, string | string[] | undefined>> };

export function errorResponse(
  status: number,
  error: string,
  extra: { details?: string[]; code?: string; headers?: Record<string, string> } = {},
): Response {
  const body: Record<string, unknown> = { success: false, error };
  if (extra.code) body.code = extra.code;
  if (extra.details?.length) body.details = extra.details;
  return Response.json(body, { status, headers: extra.headers });
}

/** Maps anything thrown in a route to the seed's error envelope; unexpected errors stay in the server log. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof DomainError) {
    return errorResponse(error.status, error.message, {
      code: error.code,
      details: error.details,
      headers: error.headers,
    });
  }
  if (error instanceof ZodError) {
    return errorResponse(400, "Invalid request", { code: "invalid_request", details: issueDetails(error) });
  }
  if (isStatementTimeout(error)) {
    console.error("[api] statement timeout", error);
    return errorResponse(503, STATEMENT_TIMEOUT_MESSAGE, {
      code: "database_timeout",
      headers: { "Retry-After": "5" },
    });
  }
  console.error("[api] unexpected error", error);
  return errorResponse(500, "Something went wrong on our side. Please try again.", {
    code: "internal_error",
  });
}

async function readJson(req: NextRequest): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError("invalid_json", "Request body must be valid JSON", { status: 400 });
  }
}

/**
 * The one wrapper for route handlers: authenticate → authorize → parse params, query and body with zod →
 * hand the handler the database and the caller → call the domain → answer `{ success: true, data }`. A handler may return a Response (CSV streams, redirects).
 */
export function route<
  P extends ZodType | undefined = undefined,
  Q extends ZodType | undefined = undefined,
  B extends ZodType | undefined = undefined,
  A extends Access = Access,
>(config: RouteConfig<P, Q, B, A>, handler: (ctx: RouteContext<P, Q, B, A>) => Promise<unknown>) {
  return async (req: NextRequest, segment: Segment): Promise<Response> => {
    try {
      const principal = authorize(await resolvePrincipal(req.headers.get("authorization")), config.access);
      const rawParams = segment?.params ? await segment.params : {};
      const params = config.params ? config.params.parse(rawParams) : undefined;
      const query = config.query
        ? config.query.parse(Object.fromEntries(req.nextUrl.searchParams.entries()))
        : undefined;
      const body = config.body ? config.body.parse(await readJson(req)) : undefined;
      const entry = await entryContext(principal, {
        ip: clientIp(req.headers),
        userAgent: userAgent(req.headers),
      });
      const result = await handler({
        ...entry,
        req,
        params: params as Parsed<P>,
        query: query as Parsed<Q>,
        body: body as Parsed<B>,
      });
      if (result instanceof Response) return result;
      const { data, init } = result instanceof Reply ? result : new Reply(result);
      const payload: Record<string, unknown> = { success: true };
      if (init.message) payload.message = init.message;
      payload.data = data;
      return Response.json(payload, { status: init.status ?? 200, headers: init.headers });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
