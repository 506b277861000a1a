import { scalarBundle } from "@/lib/openapi/scalar-bundle";

/** `/docs/api/scalar.js?v=<version>`: the API reference viewer's script, from node_modules, never a CDN. */
export async function GET() {
  const { source } = await scalarBundle();
  return new Response(new Uint8Array(source), {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      // The URL carries the package version, so a new version is a new URL.
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
