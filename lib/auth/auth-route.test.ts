import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { auditLog, loginThrottles } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { guardAuthRoute } from "./auth-route";

// next-auth itself needs Next's request context, so it is stood in for here by a handler that signs
// in when the password is "right"; the guard, the throttle and the database are the real ones.
const testDb = useTestDatabase();
const nextAuth = vi.fn(async (req: NextRequest) => {
  const form = new URLSearchParams(await req.text());
  const ok = form.get("password") === "right";
  return Response.json(
    { url: ok ? "/" : "/api/auth/error?error=CredentialsSignin" },
    { headers: ok ? { "Set-Cookie": "next-auth.session-token=abc; Path=/; HttpOnly" } : {} },
  );
});
const handler = guardAuthRoute(nextAuth);
const BASE = "http://127.0.0.1:3000/api/auth";

function call(path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  const req = new NextRequest(`${BASE}/${path}`, {
    method: init.method ?? "GET",
    body: init.body,
    headers: init.headers,
  });
  const segments = new URL(req.url).pathname.split("/").slice(3).filter(Boolean);
  return handler(req, { params: Promise.resolve({ nextauth: segments }) });
}

const FORM = { "content-type": "application/x-www-form-urlencoded" };
const signIn = (email: string, password: string, extra: Record<string, string> = {}) =>
  call("callback/credentials", {
    method: "POST",
    headers: FORM,
    body: new URLSearchParams({ email, password, csrfToken: "t", json: "true", ...extra }).toString(),
  });

afterEach(async () => {
  nextAuth.mockClear();
  vi.unstubAllEnvs();
  await testDb.db.delete(loginThrottles);
  await testDb.db.delete(auditLog);
});

describe("guardAuthRoute", () => {
  it("answers 404 for endpoints this app does not have", async () => {
    for (const [method, path] of [
      ["GET", "9"],
      ["GET", "callback/github"],
      ["POST", "signin/github"],
      ["GET", ""],
    ]) {
      const response = await call(path, {
        method,
        headers: FORM,
        body: method === "POST" ? "a=b" : undefined,
      });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await response.json()).toMatchObject({ success: false, code: "not_found" });
    }
    expect(nextAuth).not.toHaveBeenCalled();
    expect((await call("session")).status).toBe(200);
  });

  it("refuses a callbackUrl that is not a path or an http(s) URL with 400, from the query, body or cookie", async () => {
    const fromQuery = await call("signin?callbackUrl=x");
    expect(fromQuery.status).toBe(400);
    expect(await fromQuery.json()).toMatchObject({
      success: false,
      details: ["callbackUrl: callbackUrl must be a path on this site, such as /dashboard"],
    });
    const fromBody = await signIn("maya@example.com", "right", { callbackUrl: "x" });
    expect(fromBody.status).toBe(400);
    const fromCookie = await call("session", { headers: { cookie: "next-auth.callback-url=x" } });
    expect(fromCookie.status).toBe(400);
    expect(fromCookie.headers.get("set-cookie")).toContain("next-auth.callback-url=; Path=/; Max-Age=0");
    expect(nextAuth).not.toHaveBeenCalled();
  });

  it("refuses an error code next-auth would echo into a Location header unless it is a plain word", async () => {
    for (const bad of ["line%0D%0Abreak", "%C3%A9t%C3%A9", "a%00b", "x".repeat(65)]) {
      const response = await call(`error?error=${bad}`);
      expect(response.status, bad).toBe(400);
      expect(await response.json()).toMatchObject({
        success: false,
        details: ["error: error must be a sign-in error code such as CredentialsSignin"],
      });
    }
    expect(nextAuth).not.toHaveBeenCalled();
    expect((await call("error?error=CredentialsSignin")).status).toBe(200);
  });

  it("refuses malformed bodies: 415 for other content types, 413 past 16 KiB, 400 for bad fields", async () => {
    const json = await call("callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "a@example.com", password: "x" }),
    });
    expect(json.status).toBe(415);
    expect(await json.json()).toMatchObject({ code: "unsupported_media_type" });

    const huge = await signIn("a@example.com", "x".repeat(20_000));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: "The form body must be at most 16 KiB." });

    for (const body of [
      "email=not-an-email&password=x&csrfToken=t",
      "email=a%40example.com&csrfToken=t",
      "%zz",
      "",
    ]) {
      const response = await call("callback/credentials", { method: "POST", headers: FORM, body });
      expect(response.status, body).toBe(400);
      expect(await response.json()).toMatchObject({ success: false, code: "invalid_request" });
    }
    const nul = await signIn("a\u0000@example.com", "x");
    expect(nul.status).toBe(400);
    expect(nextAuth).not.toHaveBeenCalled();
  });

  it("locks an e-mail out after LOGIN_MAX_FAILURES wrong passwords: 429 with Retry-After, even for the right one", async () => {
    vi.stubEnv("LOGIN_MAX_FAILURES", "3");
    for (let i = 0; i < 3; i++) expect((await signIn("maya@example.com", "wrong")).status).toBe(200);
    const locked = await signIn("maya@example.com", "right");
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toBe("900");
    expect(await locked.json()).toEqual({
      success: false,
      error: "Too many sign-in attempts. Try again in 15 minutes.",
      code: "too_many_attempts",
    });
    expect(nextAuth).toHaveBeenCalledTimes(3);
    expect(await testDb.db.$count(auditLog)).toBe(1);

    // An e-mail nobody has gets exactly the same treatment.
    for (let i = 0; i < 3; i++) await signIn("ghost@example.com", "wrong");
    const ghost = await signIn("ghost@example.com", "wrong");
    expect([ghost.status, ghost.headers.get("retry-after")]).toEqual([429, "900"]);
  });

  it("a successful sign-in clears the e-mail's failures", async () => {
    vi.stubEnv("LOGIN_MAX_FAILURES", "3");
    await signIn("sarah@example.com", "wrong");
    await signIn("sarah@example.com", "wrong");
    expect((await signIn("sarah@example.com", "right")).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await signIn("sarah@example.com", "wrong")).status).toBe(200);
    expect((await signIn("sarah@example.com", "wrong")).status).toBe(429);
  });
});
