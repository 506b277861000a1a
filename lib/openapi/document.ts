// The OpenAPI 3.1 document of the API, built from the operations in registry.ts and the zod schemas
// they reference (zod 4's own JSON Schema output: draft 2020-12, which is OpenAPI 3.1's dialect).
// Requests are described as zod reads them (`io: "input"`: defaults are optional, "12" strings are
// strings), responses as the route writes them (`io: "output"`).
import { z } from "zod";
import type { ApiOperation, ErrorStatus, OperationAccess, SuccessResponse } from "./operation";
import { apiOperations } from "./registry";

type Json = Record<string, unknown>;

export const SESSION_COOKIE = "next-auth.session-token";

const ERROR_TEXT: Record<ErrorStatus | 500, string> = {
  400: "Invalid request: a field failed validation (`details` names each one) or a domain rule refused it.",
  401: "No valid session or API key (`code: unauthorized`).",
  403: "Signed in, but not allowed to do this (`code: forbidden`).",
  404: "Not found.",
  409: "Conflict with the current state.",
  413: "Request too large.",
  415: "Unsupported media type.",
  422: "Unprocessable.",
  429: "Too many requests; `Retry-After` says when to try again.",
  500: "Unexpected error; the detail stays in the server log (`code: internal_error`).",
  503: "The database did not answer in time (`code: database_timeout`); `Retry-After: 5`.",
};

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query"): Json[] {
  if (!schema) return [];
  const object = jsonSchema(schema, "input");
  const properties = (object.properties ?? {}) as Record<string, Json>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

const SECURITY: Record<OperationAccess, Json[]> = {
  public: [],
  // The API key first: it is what an integration uses (and what the docs' request samples show).
  user: [{ apiKey: [] }, { sessionCookie: [] }],
  client: [{ sessionCookie: [] }],
  admin: [{ apiKey: [] }, { sessionCookie: [] }],
};

const ACCESS_TEXT: Record<OperationAccess, string> = {
  public: "Public: no session or API key needed.",
  user: "Any signed-in user (session cookie) or an API key.",
  client: "A signed-in client, for themselves (session cookie only).",
  admin: "An admin's session cookie or an API key.",
};

function successBody(response: SuccessResponse): Json {
  if (response.kind === "file") {
    return { [response.contentType ?? "application/octet-stream"]: { schema: { type: "string" } } };
  }
  const data = response.schema ? jsonSchema(response.schema, "output") : {};
  const schema =
    response.kind === "raw"
      ? data
      : {
          type: "object",
          properties: {
            success: { type: "boolean", const: true },
            message: { type: "string" },
            data,
          },
          required: ["success", "data"],
        };
  const example =
    response.example === undefined
      ? undefined
      : response.kind === "raw"
        ? response.example
        : { success: true, data: response.example };
  return { "application/json": { schema, ...(example === undefined ? {} : { example }) } };
}

function errorStatuses(op: ApiOperation): Map<number, string> {
  const statuses = new Map<number, string>();
  if (op.params || op.query || op.body) statuses.set(400, ERROR_TEXT[400]);
  if (op.access !== "public") statuses.set(401, ERROR_TEXT[401]);
  if (op.access === "client" || op.access === "admin") statuses.set(403, ERROR_TEXT[403]);
  for (const [status, text] of Object.entries(op.errors ?? {})) statuses.set(Number(status), text);
  statuses.set(500, ERROR_TEXT[500]);
  if (!statuses.has(503)) statuses.set(503, ERROR_TEXT[503]);
  return new Map([...statuses].sort(([a], [b]) => a - b));
}

function operationObject(op: ApiOperation): Json {
  const responses: Json = {};
  for (const [status, response] of Object.entries(op.responses)) {
    responses[status] = {
      description: response!.description,
      ...(response!.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(response!.headers).map(([name, description]) => [
                name,
                { description, schema: { type: "string" } },
              ]),
            ),
          }
        : {}),
      ...(status === "204" || status === "307" ? {} : { content: successBody(response!) }),
    };
  }
  for (const [status, description] of errorStatuses(op)) {
    // The wrapper's own answers (400, 401, 500, 503) are always the envelope; only a route's declared
    // errors may use the seed's raw shape.
    const raw = op.rawErrors && op.errors && status in op.errors;
    const ref = raw ? "#/components/schemas/RawError" : "#/components/schemas/Error";
    responses[String(status)] = { description, content: { "application/json": { schema: { $ref: ref } } } };
  }
  const requestBody = op.body
    ? {
        required: true,
        content: {
          "application/json": {
            schema: jsonSchema(op.body, "input"),
            ...(op.bodyExample === undefined ? {} : { example: op.bodyExample }),
          },
        },
      }
    : undefined;
  const parametersList = [...parameters(op.params, "path"), ...parameters(op.query, "query")];
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: [
      op.description,
      op.apiKeyOnly ? "An API key only: a signed-in admin's session gets 403." : ACCESS_TEXT[op.access],
    ]
      .filter(Boolean)
      .join("\n\n"),
    security: op.apiKeyOnly ? [{ apiKey: [] }] : SECURITY[op.access],
    ...(parametersList.length ? { parameters: parametersList } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

export function buildOpenApiDocument(operations: ApiOperation[] = apiOperations): Json {
  const paths: Record<string, Json> = {};
  for (const op of operations) {
    paths[op.path] ??= {};
    paths[op.path][op.method] = operationObject(op);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "MuseNest Referrals API",
      version: "1.0.0",
      description:
        "The referral program's REST API. Every JSON answer is an envelope: `{ success: true, data }` " +
        "(with an optional `message`) or `{ success: false, error, code?, details? }`. Authenticate with " +
        "`Authorization: Bearer <API key>` (an admin creates keys under Admin → API keys) or, from the " +
        "browser, the session cookie of a signed-in user. Generated from the code: see `GET /api/openapi.json`.",
    },
    servers: [{ url: "/" }],
    tags: [...new Set(operations.map((op) => op.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "An API key (`mnk_…`) from Admin → API keys. It acts with admin rights.",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: SESSION_COOKIE,
          description: "The browser session after signing in (`__Secure-` prefixed over https).",
        },
      },
      schemas: {
        Error: {
          type: "object",
          properties: {
            success: { type: "boolean", const: false },
            error: { type: "string", description: "A message fit to show the user." },
            code: { type: "string", description: "A stable machine-readable code, e.g. `not_found`." },
            details: { type: "array", items: { type: "string" }, description: "One line per bad field." },
          },
          required: ["success", "error"],
          example: {
            success: false,
            error: "Invalid request",
            code: "invalid_request",
            details: ["name: name is required"],
          },
        },
        RawError: {
          type: "object",
          properties: { valid: { type: "boolean", const: false }, error: { type: "string" } },
          required: ["valid", "error"],
        },
      },
    },
  };
}
