// The typed API client of the request specs: openapi-fetch over the types generated from the OpenAPI
// document, sending through Playwright's request context (so a signed-in page's session cookie goes
// along). Each answer is checked against the document (testing/api-contract.ts): a route that answers a
// status or a body its operation does not declare fails the spec that called it.
import type { APIRequestContext } from "@playwright/test";
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "@/lib/openapi/api-types";
import { checkAgainstDocument, operationFor } from "@/testing/api-contract";

export function apiClient(request: APIRequestContext, baseURL: string): Client<paths> {
  return createClient<paths>({
    baseUrl: baseURL,
    fetch: async (req: Request) => {
      const answer = await request.fetch(req.url, {
        method: req.method,
        headers: Object.fromEntries(req.headers.entries()),
        data: req.method === "GET" ? undefined : Buffer.from(await req.arrayBuffer()),
        maxRedirects: 0,
      });
      const response = new Response(answer.status() === 204 ? null : new Uint8Array(await answer.body()), {
        status: answer.status(),
        headers: answer.headers(),
      });
      await checkAgainstDocument(operationFor(req.method, new URL(req.url).pathname).op, response);
      return response;
    },
  });
}
