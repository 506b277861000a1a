// The fuzz suite: hostile input, derived from each target's zod schema with fast-check, against every route
// handler and server action of the production build. No answer may be a 5xx or show a stack trace or SQL;
// hostile input must be refused (4xx, or the form's error state) and leave nothing behind.
// Named zz- so it runs last: its random phase may create clients, codes and keys.
// FUZZ_SEED=<n> replays a run; FUZZ_SCALE=<x> scales the number of random requests (1 ≈ 2,000 requests).
import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { actionTargets } from "./fuzz/action-targets";
import {
  actionCases,
  foreignOriginCases,
  nextAuthCases,
  nextAuthCredentialCases,
  oversizeActionCases,
  refusedActionCases,
  refusedRouteCases,
  routeCases,
  stripeCases,
} from "./fuzz/cases";
import { routeTargets, type FuzzContext } from "./fuzz/route-targets";
import { FuzzRunner, type FuzzRequest, type Who } from "./fuzz/runner";
import {
  actionEndpoints,
  actionsInBuild,
  createApiKey,
  csrfOf,
  getJson,
  routeMethodsOnDisk,
  signIn,
  snapshot,
} from "./fuzz/setup";
import { ADMIN_EMAIL, DEMO_PASSWORD, MAYA_EMAIL } from "./pages/login-page";

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const ROUTE_RUNS = Math.max(1, Math.round(42 * SCALE));
const ACTION_RUNS = Math.max(1, Math.round(34 * SCALE));
// Actions whose valid post from a foreign or missing Origin must get 403, and past the size limit 413
// (one per kind of caller).
const ORIGIN_CHECKED = ["signUp", "createApiKeyAction", "createCodeAction", "setClientStatusAction"];

test.describe.configure({ mode: "serial" });

test("the fuzz targets cover every route handler method and every server action", () => {
  const covered = new Set(routeTargets.map((t) => `${t.method} ${t.file}`));
  const onDisk = routeMethodsOnDisk();
  expect(
    onDisk.filter((m) => !covered.has(m)),
    "route methods with no fuzz target in e2e/fuzz/route-targets.ts",
  ).toEqual([]);
  expect(
    [...covered].filter((m) => !onDisk.includes(m)),
    "fuzz targets for route methods that no longer exist",
  ).toEqual([]);

  const inBuild = actionsInBuild().map((a) => a.name);
  expect(
    inBuild.filter((n) => !actionTargets[n]),
    "server actions with no fuzz target in e2e/fuzz/action-targets.ts",
  ).toEqual([]);
  expect(
    Object.keys(actionTargets).filter((n) => !inBuild.includes(n)),
    "fuzz targets for actions not in the build",
  ).toEqual([]);
});

test("hostile input to every route and action: no 5xx, no leaks, refusals write nothing", async ({
  baseURL,
}, testInfo) => {
  test.setTimeout(15 * 60_000);
  const origin = baseURL!;
  console.log(
    `[fuzz] FUZZ_SEED=${SEED} FUZZ_SCALE=${SCALE} (replay: FUZZ_SEED=${SEED} npx playwright test e2e/zz-fuzz.spec.ts)`,
  );

  const adminCookie = await signIn(origin, ADMIN_EMAIL, DEMO_PASSWORD);
  const clientCookie = await signIn(origin, MAYA_EMAIL, DEMO_PASSWORD);
  const apiKey = await createApiKey(origin, adminCookie);
  const auth: Record<Who, Record<string, string>> = {
    admin: { Cookie: adminCookie },
    client: { Cookie: clientCookie },
    apiKey: { Authorization: `Bearer ${apiKey}` },
    anonymous: {},
  };
  const me = await getJson(origin, "/api/me", auth.client);
  const clientId = (me.json.data as { user_id: number }).user_id;
  const codes = await getJson(origin, `/api/clients/${clientId}/referral-codes`, auth.admin);
  const codeId = Number(/"id":(\d+)/.exec(JSON.stringify(codes.json.data))?.[1]);
  let counter = 0;
  const ctx: FuzzContext = { clientId, codeId, marker: `fz${SEED}`, unique: () => `${SEED}${counter++}` };
  const runner = new FuzzRunner(origin, auth);
  const actions = actionEndpoints();
  const started = Date.now();

  await test.step("refused requests are 4xx (or the form's error) and write nothing", async () => {
    const before = await snapshot(origin, auth, clientId, ctx.marker);
    const csrf = await csrfOf(origin);
    const refused: FuzzRequest[] = [
      ...routeTargets.flatMap((t) => refusedRouteCases(t, ctx)),
      ...actions.flatMap((a) => refusedActionCases(a, ctx, origin)),
      ...actions.filter((a) => ORIGIN_CHECKED.includes(a.name)).flatMap((a) => foreignOriginCases(a, ctx)),
      ...actions
        .filter((a) => ORIGIN_CHECKED.includes(a.name))
        .flatMap((a) => oversizeActionCases(a, ctx, origin)),
      ...nextAuthCredentialCases(csrf, ctx.marker),
    ];
    const results = await runner.sendAll(refused);
    const after = await snapshot(origin, auth, clientId, ctx.marker);
    expect.soft(after, "refused requests changed what the API and admin pages show").toEqual(before);
    expect.soft(results.filter((r) => r.problems.length).length, runner.failureReport(results)).toBe(0);
  });

  await test.step("random hostile requests get no 5xx and leak nothing", async () => {
    const csrf = await csrfOf(origin);
    let i = 0;
    const sample = (arb: fc.Arbitrary<FuzzRequest>, numRuns: number) =>
      fc.sample(arb, { seed: SEED + i++, numRuns });
    const random: FuzzRequest[] = [];
    for (const t of routeTargets) {
      const arb =
        t.special === "stripe"
          ? stripeCases(ctx)
          : t.special === "nextauth"
            ? nextAuthCases(csrf, MAYA_EMAIL, DEMO_PASSWORD).filter((r) => r.method === t.method)
            : routeCases(t, ctx);
      random.push(...sample(arb, ROUTE_RUNS));
    }
    for (const a of actions) random.push(...sample(actionCases(a, ctx, origin), ACTION_RUNS));
    const results = await runner.sendAll(random);
    expect.soft(results.filter((r) => r.problems.length).length, runner.failureReport(results)).toBe(0);
  });

  console.log(
    `[fuzz] ${runner.summary()} in ${Math.round((Date.now() - started) / 1000)} s (FUZZ_SEED=${SEED})`,
  );
  // Every failing request in full (the messages show the first 60), to replay by hand.
  const failing = runner.results.filter((r) => r.problems.length);
  if (failing.length) {
    const file = testInfo.outputPath("fuzz-failures.json");
    const bodies = failing.map((r) => ({
      ...r,
      body: r.body instanceof FormData ? Object.fromEntries(r.body.entries()) : r.body,
    }));
    writeFileSync(file, JSON.stringify(bodies, null, 1));
    await testInfo.attach("fuzz-failures.json", { path: file, contentType: "application/json" });
    console.log(`[fuzz] every failing request: ${file}`);
  }
  const fivexx = runner.results.filter((r) => r.status >= 500);
  const causes = new Map<string, number>();
  for (const r of runner.results.filter((x) => x.problems.length)) {
    const key = `${r.target} → ${r.status} ${r.problems.join(", ")}`;
    causes.set(key, (causes.get(key) ?? 0) + 1);
  }
  if (causes.size)
    console.log(`[fuzz] failures by target:\n${[...causes].map(([k, n]) => `  ${n} × ${k}`).join("\n")}`);
  expect(fivexx.length, runner.failureReport(fivexx)).toBe(0);
});
