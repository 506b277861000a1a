// Every operation of the API, the one list the OpenAPI document (GET /api/openapi.json), the docs page
// (/docs/api), the generated client types and the route-coverage test are built from.
//
// Adding a route (the convention):
//   1. Parse its input with schemas from lib/validation/ and pass them to `route()` as usual.
//   2. Declare the operation in lib/openapi/operations/<resource>.ts: method, path (`{id}` for `[id]`),
//      access (the same as `route()`'s), the SAME schema objects as `params` / `query` / `body`, a
//      `bodyExample`, the success responses (a zod schema of `data` and an example) and the domain errors
//      it can answer. 400/401/403/500/503 follow from the access and the schemas.
//   3. Add the resource's list below if it is a new file, then `npm run openapi:types` and commit
//      lib/openapi/api-types.d.ts. lib/openapi/openapi.test.ts fails while a route file has no operation,
//      an operation has no route, an example does not parse, or the committed types are stale.
import type { ApiOperation } from "./operation";
import { accountOperations } from "./operations/accounts";
import { adminOperations } from "./operations/admin";
import { clientOperations } from "./operations/clients";
import { embedOperations } from "./operations/embed";
import { moneyOperations } from "./operations/money";
import { referralCodeOperations } from "./operations/referral-codes";
import { referrerOperations } from "./operations/referrers";
import { systemOperations } from "./operations/system";
import { webhookOperations } from "./operations/webhooks";

export const apiOperations: ApiOperation[] = [
  ...clientOperations,
  ...referralCodeOperations,
  ...moneyOperations,
  ...referrerOperations,
  ...adminOperations,
  ...webhookOperations,
  ...embedOperations,
  ...accountOperations,
  ...systemOperations,
];

/**
 * Route files under app/api that are not part of the documented API, and why. The coverage test
 * requires this list to be exact.
 */
export const UNDOCUMENTED_ROUTES: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts":
    "next-auth's own sign-in protocol (CSRF token, credentials callback), used by the /login form only",
  "app/api/bench/constant/route.ts":
    "exists only on a server started by `npm run bench` (404 everywhere else)",
};
