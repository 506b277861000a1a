// One HTTP operation of the public API, declared beside the zod schemas its route parses. The OpenAPI
// document (document.ts), the typed client of the tests and the route-coverage test are all built from
// these objects; nothing about the API is written twice or by hand.
import type { z } from "zod";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** Who may call, as `route()`'s `access` says it; it decides the security schemes and the 401/403 answers. */
export type OperationAccess = "public" | "user" | "client" | "admin";

/** Error statuses a route can answer beyond what its access and parsing already imply. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

export type SuccessResponse = {
  description: string;
  /**
   * `envelope` (the default): `{ success: true, message?, data }` with `data` described by `schema`.
   * `raw`: the body is `schema` itself (the seed's older shapes, e.g. `{ valid, data }`).
   * `file`: a download (`contentType`), no JSON.
   */
  kind?: "envelope" | "raw" | "file";
  schema?: z.ZodType;
  contentType?: string;
  /** An example body (of `data` for an envelope): parsed by `schema` in the tests, so it stays true. */
  example?: unknown;
  headers?: Record<string, string>;
};

export type ApiOperation = {
  method: HttpMethod;
  /** The OpenAPI path, `{param}` for a dynamic segment: `/api/clients/{id}/referral-codes`. */
  path: `/api/${string}`;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  access: OperationAccess;
  /** An admin route that refuses sessions (403) and takes only an API key (`requireApiKey`). */
  apiKeyOnly?: boolean;
  /** The route's own schemas — the very objects passed to `route()` — so the document cannot drift. */
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A valid request body (parsed by `body` in the tests). Required when `body` is set. */
  bodyExample?: unknown;
  /** Success statuses (200, 201…) and what each carries. */
  responses: Partial<Record<200 | 201 | 202 | 204 | 307, SuccessResponse>>;
  /**
   * Domain errors this route answers, with when. 400 (when it parses input), 401/403 (from `access`),
   * 500 and 503 are added by the document builder; list 403 here when the route checks ownership itself.
   */
  errors?: Partial<Record<ErrorStatus, string>>;
  /** The route answers a raw error body instead of the envelope (only the public code check does). */
  rawErrors?: boolean;
};

/** Identity helper for type checking a resource's list of operations. */
export const defineOperations = (operations: ApiOperation[]): ApiOperation[] => operations;
