// What the OpenAPI document promises for one answer, checked on a real answer: the operation that serves a
// method and path, and whether its status and body are what the document declares. Shared by the in-process
// client of the Vitest API tests and the HTTP client of the Playwright request specs.
import type { ApiOperation } from "@/lib/openapi/operation";
import { apiOperations } from "@/lib/openapi/registry";

export function operationFor(
  method: string,
  pathname: string,
): { op: ApiOperation; params: Record<string, string> } {
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

export async function checkAgainstDocument(op: ApiOperation, response: Response): Promise<void> {
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
