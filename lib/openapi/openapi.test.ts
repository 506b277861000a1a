// The API's OpenAPI document: valid OpenAPI 3.1, one operation per exported handler of every route file
// (and a route for every operation), examples that the routes' own schemas accept, and committed client
// types that match what the document generates (so a route change without `npm run openapi:types` fails).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { GET as openApiGet } from "@/app/api/openapi.json/route";
import { API_TYPES_FILE, generateApiTypes } from "./generate-types";
import { apiOperations, UNDOCUMENTED_ROUTES } from "./registry";

const ROOT = path.resolve(__dirname, "../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** The document exactly as the live route serves it. */
async function liveDocument() {
  const response = openApiGet();
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

function routeFiles(dir = path.join(ROOT, "app/api")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [path.relative(ROOT, full)] : [];
  });
}

/** The HTTP methods a route file exports: `export const GET = route(…)`, `export function GET`, `export { h as GET }`. */
function exportedMethods(source: string): string[] {
  return METHODS.filter((m) =>
    new RegExp(
      `export\\s+(const\\s+${m}\\b|(async\\s+)?function\\s+${m}\\b)|export\\s*\\{[^}]*\\bas\\s+${m}\\b`,
    ).test(source),
  );
}

/** `/api/clients/{id}/referral-codes` → `app/api/clients/[id]/referral-codes/route.ts`. */
const fileOf = (apiPath: string) => `app${apiPath.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;

describe("GET /api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const document = await liveDocument();
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });

  it("has an operation for every exported handler of every route file, and a route for every operation", () => {
    const declared = new Set(apiOperations.map((op) => `${op.method.toUpperCase()} ${fileOf(op.path)}`));
    const exported = new Set<string>();
    for (const file of routeFiles()) {
      const methods = exportedMethods(readFileSync(path.join(ROOT, file), "utf8"));
      expect(methods.length, `${file} exports no handler`).toBeGreaterThan(0);
      if (file in UNDOCUMENTED_ROUTES) continue;
      for (const method of methods) exported.add(`${method} ${file}`);
    }
    expect(
      [...exported].filter((k) => !declared.has(k)),
      "route handlers without an operation",
    ).toEqual([]);
    expect(
      [...declared].filter((k) => !exported.has(k)),
      "operations without a route handler",
    ).toEqual([]);
    // The exclusions name real files, each with a reason.
    for (const file of Object.keys(UNDOCUMENTED_ROUTES)) expect(routeFiles()).toContain(file);
  });

  it("has unique operation ids, and every operation an example that its own schemas accept", () => {
    const ids = apiOperations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const op of apiOperations) {
      const name = `${op.method.toUpperCase()} ${op.path}`;
      if (op.body) {
        expect(op.bodyExample, `${name} needs a bodyExample`).toBeDefined();
        const parsed = op.body.safeParse(op.bodyExample);
        expect(parsed.success, `${name} bodyExample: ${parsed.error?.message}`).toBe(true);
      }
      const successes = Object.values(op.responses);
      const json = successes.filter((r) => r.kind !== "file");
      // Downloads have no JSON example; every JSON operation shows one.
      if (json.length)
        expect(
          json.some((r) => r.example !== undefined),
          `${name} needs an example`,
        ).toBe(true);
      for (const r of json) {
        if (r.example === undefined || !r.schema) continue;
        const parsed = r.schema.safeParse(r.example);
        expect(parsed.success, `${name} example: ${parsed.error?.message}`).toBe(true);
      }
    }
  });

  it("documents both auth schemes, the envelope and the statuses each route answers", async () => {
    const document = (await liveDocument()) as {
      components: { securitySchemes: Record<string, { type: string; in?: string; scheme?: string }> };
      paths: Record<string, Record<string, { security: unknown[]; responses: Record<string, unknown> }>>;
    };
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components.securitySchemes.sessionCookie).toMatchObject({ type: "apiKey", in: "cookie" });
    const payments = document.paths["/api/payments"].post;
    expect(payments.security).toEqual([{ apiKey: [] }, { sessionCookie: [] }]);
    expect(Object.keys(payments.responses)).toEqual([
      "200",
      "201",
      "400",
      "401",
      "403",
      "404",
      "409",
      "500",
      "503",
    ]);
    const validateCode = document.paths["/api/referral-codes/validate/{code}"].get;
    expect(validateCode.security).toEqual([]);
    expect(Object.keys(validateCode.responses)).not.toContain("401");
  });

  it("matches the committed client types (regenerate with `npm run openapi:types`)", async () => {
    const generated = await generateApiTypes(await liveDocument());
    const committed = readFileSync(path.join(ROOT, API_TYPES_FILE), "utf8");
    expect(committed === generated, `${API_TYPES_FILE} is stale: run npm run openapi:types`).toBe(true);
  });
});
