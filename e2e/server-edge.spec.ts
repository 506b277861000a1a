// The production server's edge (server.mjs): forwarding headers can't be chosen by the client, bodies
// have a size limit, malformed server-action bodies get a 400, and no start without a session secret.
// The main e2e server runs with TRUST_PROXY_HOPS=1 (as if one reverse proxy stood in front); the
// production default — no trusted proxy — gets a second server from the same build.
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { baseEnv, root, runToExit, startServer, type ExtraServer } from "./support/extra-server";

const validate = (code: string) => `/api/referral-codes/validate/${code}`;
// VALIDATE_RATE_LIMIT_PER_MINUTE's default; neither server overrides it.
const VALIDATE_LIMIT = 60;

/** Requests until the first 429, each with the headers `headersFor(i)` makes; how many were allowed. */
async function allowedUntilRefused(
  request: APIRequestContext,
  url: (path: string) => string,
  headersFor: (i: number) => Record<string, string>,
): Promise<number> {
  for (let i = 0; i <= VALIDATE_LIMIT + 5; i++) {
    const response = await request.get(url(validate(`EDGE${1000 + i}`)), { headers: headersFor(i) });
    if (response.status() === 429) return i;
    expect(response.status()).toBe(200);
  }
  throw new Error("never rate-limited");
}

/** A real server action and the page it belongs to, from the build's manifest. */
function signupAction(): { id: string; page: string } {
  const manifest = JSON.parse(
    readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { workers: Record<string, unknown> }> };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (Object.keys(entry.workers).some((worker) => worker.includes("signup/page")))
      return { id, page: "/signup" };
  }
  throw new Error("no server action of /signup in the manifest");
}

test.describe("behind one trusted proxy (the e2e server)", () => {
  test("only the address the proxy appended counts: rotating the rest of X-Forwarded-For doesn't dodge the limit", async ({
    request,
  }) => {
    // The address "our proxy" saw, unique per run so no other spec's budget is touched.
    const real = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const rotated = (i: number) => ({ "x-forwarded-for": `10.${i % 250}.${(i * 7) % 250}.9, ${real}` });
    expect(await allowedUntilRefused(request, (p) => p, rotated)).toBe(VALIDATE_LIMIT);
    for (let i = 100; i < 120; i++) {
      const response = await request.get(validate(`EDGE${i}`), { headers: rotated(i) });
      expect(response.status()).toBe(429);
    }
  });
});

test.describe("the request body", () => {
  test("a 2 MiB server-action body gets 413 with a JSON reason, not Next's 500", async ({ request }) => {
    const { id, page } = signupAction();
    const response = await request.post(page, {
      headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8" },
      data: `["${"x".repeat(2 * 1024 * 1024)}"]`,
    });
    expect(response.status()).toBe(413);
    const body = await response.json();
    expect(body).toMatchObject({ success: false, code: "payload_too_large" });
    expect(body.error).toMatch(/larger than the limit of 1048576 bytes/);
  });

  test("a chunked body without Content-Length is counted as it streams", async ({ baseURL }) => {
    const { id, page } = signupAction();
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(new URL(page, baseURL), {
        method: "POST",
        headers: {
          "next-action": id,
          "content-type": "text/plain;charset=UTF-8",
          "transfer-encoding": "chunked",
        },
      });
      req.on("response", (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on("error", reject);
      const chunk = "y".repeat(64 * 1024);
      for (let i = 0; i < 32; i++) req.write(chunk);
      req.end();
    });
    expect(status).toBe(413);
    expect(JSON.parse(text)).toMatchObject({ code: "payload_too_large" });
  });

  const boundary = "----edgeBoundary";
  const multipart = (parts: [string, string][]) =>
    parts
      .map(
        ([name, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      )
      .join("") + `--${boundary}--\r\n`;

  for (const [what, contentType, data] of [
    ["an empty body", "text/plain;charset=UTF-8", ""],
    ["garbage text", "text/plain;charset=UTF-8", "definitely not a reply"],
    ["truncated JSON", "text/plain;charset=UTF-8", '[{"$ACTION_REF_1":'],
    ["JSON that isn't an argument list", "text/plain;charset=UTF-8", '{"email":"a@example.com"}'],
    ["a reference to a row that isn't there", "text/plain;charset=UTF-8", '["$@7"]'],
    [
      "a multipart body cut off mid-part",
      `multipart/form-data; boundary=${boundary}`,
      `--${boundary}\r\nContent-Disposition: form-da`,
    ],
    ["multipart without a boundary", "multipart/form-data", multipart([["0", "[]"]])],
    [
      "a NUL in a multipart field name",
      `multipart/form-data; boundary=${boundary}`,
      multipart([
        ["1_em\u0000ail", "x"],
        ["0", '["$K1"]'],
      ]),
    ],
  ] as const) {
    test(`a malformed server-action body (${what}) gets 400 with a JSON reason`, async ({ request }) => {
      const { id, page } = signupAction();
      const response = await request.post(page, {
        headers: { "next-action": id, "content-type": contentType },
        data,
      });
      expect(response.status()).toBe(400);
      const body = await response.json();
      expect(body).toMatchObject({ success: false, code: "malformed_request" });
      expect(body.error).toMatch(/action|form/);
      expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|node_modules/);
    });
  }

  test("a well-formed action body still reaches the action", async ({ request, baseURL }) => {
    // What the browser sends for a form action `(previousState, formData)`: the form's entries as `1_…`
    // fields, row 0 the arguments with `$K1` standing for that FormData.
    const { id, page } = signupAction();
    const response = await request.post(page, {
      headers: {
        "next-action": id,
        "content-type": `multipart/form-data; boundary=${boundary}`,
        origin: new URL(baseURL!).origin,
      },
      data: multipart([
        ["1_email", "not-an-email"],
        ["0", '[{"status":"idle"},"$K1"]'],
      ]),
    });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("Please correct the highlighted fields.");
  });
});

test.describe("with no trusted proxy (the production default)", () => {
  test.describe.configure({ timeout: 180_000 });
  let server: ExtraServer;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startServer({});
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("a client naming its own X-Forwarded-For is still one address to the rate limit", async ({
    request,
  }) => {
    const spoofed = (i: number) => ({
      "x-forwarded-for": `203.0.113.${i % 250}`,
      "x-real-ip": `192.0.2.${i % 250}`,
    });
    expect(await allowedUntilRefused(request, (p) => server.baseURL + p, spoofed)).toBe(VALIDATE_LIMIT);
    for (let i = 0; i < 20; i++) {
      const response = await request.get(server.baseURL + validate(`SPOOF${i}`), {
        headers: { "x-forwarded-for": `10.1.${i}.1`, forwarded: `for=10.2.${i}.1` },
      });
      expect(response.status()).toBe(429);
    }
  });

  test("X-Forwarded-Host and -Proto from a client don't leak into redirects", async ({ request }) => {
    for (const target of ["/r/SOMECODE", "/dashboard", "/admin"]) {
      const response = await request.get(server.baseURL + target, {
        headers: {
          "x-forwarded-host": "evil.example",
          "x-forwarded-proto": "https",
          "x-forwarded-port": "8443",
        },
        maxRedirects: 0,
      });
      const location = response.headers()["location"] ?? "";
      expect(location, target).not.toContain("evil.example");
      expect(location, target).not.toMatch(/^https:/);
      expect(await response.text(), target).not.toContain("evil.example");
    }
  });
});

test("the production server refuses to start without NEXTAUTH_SECRET, and says why", async () => {
  const { code, output } = await runToExit(
    baseEnv({ NEXTAUTH_SECRET: undefined, MUSENEST_ALLOW_GENERATED_SECRET: undefined }),
  );
  expect(code).toBe(1);
  expect(output).toContain("NEXTAUTH_SECRET must be set");
  expect(output).not.toMatch(/ready on/i);
});
