import { buildOpenApiDocument } from "@/lib/openapi/document";

// Built once per process from the code (the operations and their zod schemas); it changes only with a deploy.
let document: string | undefined;

/** `GET /api/openapi.json` (public): the OpenAPI 3.1 description of this API, browsable at /docs/api. */
export function GET() {
  document ??= JSON.stringify(buildOpenApiDocument());
  return new Response(document, {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
