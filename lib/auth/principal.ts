import "server-only";
import { getDb } from "@/db/client";
import { forbidden, unauthorized } from "@/lib/errors";
import { findApiKey } from "./api-keys";
import { getSessionUser, type SessionUser } from "./session";

export type Access = "public" | "user" | "client" | "admin";

export type Principal =
  | { kind: "user"; user: SessionUser }
  | { kind: "api_key"; apiKeyId: number; name: string }
  | { kind: "anonymous" };

export type UserPrincipal = Extract<Principal, { kind: "user" }>;
/** Who a server action can be: it has the session cookie only, never an API key. */
export type SessionPrincipal = UserPrincipal | { kind: "anonymous" };

/**
 * What `authorize` has established about principal `P` once it let it through for `access`: anyone for
 * `public`, a signed-in user for `client` (a client, acting for themselves), otherwise not anonymous. The
 * handlers behind the wrappers get this type, so they need no `kind` check of their own.
 */
export type Authorized<P extends Principal, A extends Access> = A extends "public"
  ? P
  : A extends "client"
    ? UserPrincipal
    : Exclude<P, { kind: "anonymous" }>;

/** Who is calling: an API key (`Authorization: Bearer …`) wins over the session cookie. */
export async function resolvePrincipal(authorization: string | null): Promise<Principal> {
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (authorization && !bearer) throw unauthorized();
  if (bearer) {
    const key = await findApiKey(await getDb(), bearer);
    if (!key) throw unauthorized();
    return { kind: "api_key", apiKeyId: key.id, name: key.name };
  }
  return resolveSessionPrincipal();
}

/** The signed-in user of the session cookie, if any. */
export async function resolveSessionPrincipal(): Promise<SessionPrincipal> {
  const user = await getSessionUser();
  return user ? { kind: "user", user } : { kind: "anonymous" };
}

/**
 * Enforces an access level and returns the principal with what that proved in its type. API keys are
 * server-to-server credentials created by admins, so they pass `admin`; `client` means a signed-in
 * client acting for themselves.
 */
export function authorize<P extends Principal, A extends Access>(principal: P, access: A): Authorized<P, A> {
  enforce(principal, access);
  return principal as Authorized<P, A>;
}

function enforce(principal: Principal, access: Access): void {
  if (access === "public") return;
  if (principal.kind === "anonymous") throw unauthorized();
  if (access === "user") return;
  if (access === "admin") {
    if (principal.kind === "api_key" || principal.user.role === "admin") return;
    throw forbidden();
  }
  if (principal.kind !== "user" || principal.user.role !== "client") throw forbidden();
}

export function isAdmin(principal: Principal): boolean {
  return principal.kind === "api_key" || (principal.kind === "user" && principal.user.role === "admin");
}

/** Owner-or-admin check for records that belong to a client (`/api/clients/:id/...`). */
export function assertCanActFor(principal: Principal, clientId: number): void {
  if (isAdmin(principal)) return;
  if (principal.kind === "user" && principal.user.id === clientId) return;
  if (principal.kind === "anonymous") throw unauthorized();
  throw forbidden();
}

export function actorOf(principal: Principal): { actorUserId: number | null; actorApiKeyId: number | null } {
  return {
    actorUserId: principal.kind === "user" ? principal.user.id : null,
    actorApiKeyId: principal.kind === "api_key" ? principal.apiKeyId : null,
  };
}

/**
 * For endpoints only an integration may call (issuing embed tokens): an API key. A signed-in admin is
 * refused with 403 — a browser session must not mint credentials that open another client's data.
 */
export function requireApiKey(principal: Principal): Extract<Principal, { kind: "api_key" }> {
  if (principal.kind === "api_key") return principal;
  if (principal.kind === "anonymous") throw unauthorized();
  throw forbidden();
}
