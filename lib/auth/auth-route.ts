import "server-only";
import { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { errorResponse, toErrorResponse } from "@/lib/http";
import { clientIp } from "@/lib/request-info";
import type { z } from "zod";
import {
  authErrorField,
  authPostSchema,
  callbackUrlField,
  credentialsCallbackSchema,
} from "@/lib/validation/auth";
import { beginLoginAttempt, settleLoginSuccess } from "./login-throttle";
import { tooManyAttemptsMessage } from "./too-many-attempts";

type Segment = { params: Promise<{ nextauth?: string[] }> };
type Handler = (req: NextRequest, segment: Segment) => Promise<Response>;

// The endpoints this app uses (credentials only, JWT sessions). next-auth answers anything else with a
// 500 "server configuration" error, so unknown paths stop here with a 404.
const ENDPOINTS: Record<string, readonly string[]> = {
  GET: ["session", "csrf", "providers", "signin", "signin/credentials", "signout", "error"],
  POST: ["callback/credentials", "signin/credentials", "signout", "session", "_log"],
};
ENDPOINTS.HEAD = ENDPOINTS.GET;

const MAX_BODY_BYTES = 16 * 1024;
const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/**
 * Wraps next-auth's route handler: unknown endpoints → 404; a malformed callbackUrl (query, body or
 * cookie), body or content type → 400/413/415 with a reason; sign-in attempts are charged to the
 * login throttle first (429 with Retry-After when locked out) and refunded when they succeed.
 */
export function guardAuthRoute(nextAuth: Handler): Handler {
  return async (req, segment) => {
    try {
      const action = ((await segment.params).nextauth ?? []).join("/");
      if (!ENDPOINTS[req.method]?.includes(action)) {
        return errorResponse(404, "There is no such sign-in endpoint.", { code: "not_found" });
      }
      const badCookie = CALLBACK_COOKIES.find((name) => {
        const value = req.cookies.get(name)?.value;
        return value !== undefined && !callbackUrlField.safeParse(value).success;
      });
      if (badCookie) {
        const response = errorResponse(400, "The callback URL cookie is not valid; it has been cleared.", {
          code: "invalid_callback_url",
        });
        response.headers.append("Set-Cookie", `${badCookie}=; Path=/; Max-Age=0; SameSite=Lax`);
        return response;
      }
      const queryCallback = req.nextUrl.searchParams.get("callbackUrl");
      if (queryCallback !== null) parseOr400(callbackUrlField, queryCallback, "callbackUrl");
      const queryError = req.nextUrl.searchParams.get("error");
      if (queryError !== null) parseOr400(authErrorField, queryError, "error");
      if (req.method !== "POST") return await nextAuth(req, segment);

      const body = await readFormBody(req);
      const fields = Object.fromEntries(new URLSearchParams(body));
      const forward = new NextRequest(req.url, { method: "POST", headers: req.headers, body });
      if (action !== "callback/credentials") {
        authPostSchema.parse(fields);
        return await nextAuth(forward, segment);
      }

      const credentials = credentialsCallbackSchema.parse(fields);
      const db = await getDb();
      const attempt = { email: credentials.email, ip: clientIp(req.headers) };
      const gate = await beginLoginAttempt(db, attempt);
      if (!gate.allowed) {
        return errorResponse(429, tooManyAttemptsMessage(gate.retryAfterSeconds), {
          code: "too_many_attempts",
          headers: { "Retry-After": String(gate.retryAfterSeconds), "Cache-Control": "no-store" },
        });
      }
      const response = await nextAuth(forward, segment);
      if (setsSession(response)) await settleLoginSuccess(db, attempt);
      return response;
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

function parseOr400(schema: z.ZodType<string>, value: string, field: string): void {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new DomainError("invalid_request", "Invalid request", {
      details: parsed.error.issues.map((i) => `${field}: ${i.message}`),
    });
  }
}

/** The form-encoded body next-auth's client sends, at most 16 KiB, read without buffering more. */
async function readFormBody(req: NextRequest): Promise<string> {
  const type = req.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    throw new DomainError("unsupported_media_type", "Send the form as application/x-www-form-urlencoded.", {
      status: 415,
    });
  }
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new DomainError("invalid_body", "The form body is not valid UTF-8.");
  }
}

const tooLarge = () =>
  new DomainError("payload_too_large", `The form body must be at most ${MAX_BODY_BYTES / 1024} KiB.`, {
    status: 413,
  });

function setsSession(response: Response): boolean {
  return response.headers
    .getSetCookie()
    .some((cookie) => /^(__Secure-)?next-auth\.session-token=[^;]/.test(cookie));
}
