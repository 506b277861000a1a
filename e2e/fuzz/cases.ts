// Turns the targets into requests: fast-check picks hostile values for the fields each zod schema names,
// and a few hand-picked raw bodies, content types and Origins that no schema describes.
import fc from "fast-check";
import Stripe from "stripe";
import type { ActionTarget } from "./action-targets";
import {
  extraFields,
  hostileFormValue,
  hostileJsonValue,
  hostileString,
  INT4_PAST,
  rawBodies,
} from "./hostile";
import type { FuzzContext, RouteTarget } from "./route-targets";
import type { FuzzRequest, Who } from "./runner";
import { fieldsOf, type Field } from "./schema-fields";

export const STRIPE_WEBHOOK_SECRET = "whsec_e2e_only_0123456789abcdef"; // set for the server by e2e/serve.mjs

const WHO: Who[] = ["admin", "client", "apiKey", "anonymous"];
const hostileSegments = [
  "0",
  "-1",
  String(INT4_PAST),
  "99999999999",
  "1.5",
  "1e3",
  "abc",
  "%00",
  "%E2%80%AE1",
  "%20",
  "x".repeat(5000),
];

const segment = (ctx: FuzzContext, name: string) =>
  name === "id" ? String(ctx.clientId) : name === "codeId" ? String(ctx.codeId) : "MAYA2025";

function fillPath(path: string, ctx: FuzzContext, hostile?: string) {
  return path.replace(/:(\w+)/g, (_, name: string) => hostile ?? encodeURIComponent(segment(ctx, name)));
}

function withQuery(path: string, query: Record<string, string>) {
  const qs = new URLSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
}

/** Replaces 1–3 of the fields with hostile values, maybe drops some, maybe adds fields nobody asked for. */
function mutated<V>(
  base: Record<string, V | unknown>,
  fields: Field[],
  hostile: (f: Field) => fc.Arbitrary<V | unknown>,
): fc.Arbitrary<Record<string, unknown>> {
  const names = [...new Set([...fields.map((f) => f.name), ...Object.keys(base)])];
  const byName = new Map(fields.map((f) => [f.name, f]));
  const fieldOf = (name: string): Field =>
    byName.get(name) ?? { name, kind: { type: "string" }, optional: true };
  if (!names.length) return extraFields as fc.Arbitrary<Record<string, unknown>>;
  return fc
    .tuple(
      fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: Math.min(3, names.length) }),
      fc.boolean(),
      fc.subarray(names, { maxLength: Math.min(2, names.length) }),
      fc.option(extraFields, { freq: 4 }),
    )
    .chain(([changed, drop, dropped, extra]) =>
      fc.tuple(...changed.map((n) => hostile(fieldOf(n)))).map((values) => {
        const out: Record<string, unknown> = { ...base };
        changed.forEach((n, i) => (out[n] = values[i]));
        if (drop) for (const n of dropped) if (!changed.includes(n)) delete out[n];
        return { ...out, ...(extra ?? {}) };
      }),
    );
}

/** Random cases for one route handler. */
export function routeCases(t: RouteTarget, ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const target = `${t.method} ${t.file}`;
  const who = fc.oneof(
    { weight: 6, arbitrary: fc.constant(t.who) },
    { weight: 4, arbitrary: fc.constantFrom(...WHO) },
  );
  const queryFields = t.query ? fieldsOf(t.query) : [];
  const bodyFields = t.body ? fieldsOf(t.body) : [];
  const query = mutated(t.validQuery?.(ctx) ?? {}, queryFields, () => hostileFormValue()).map((q) =>
    Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)])),
  );
  const path = t.path.includes(":")
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constant(fillPath(t.path, ctx)) },
        { weight: 2, arbitrary: fc.constantFrom(...hostileSegments).map((s) => fillPath(t.path, ctx, s)) },
      )
    : fc.constant(t.path);
  const validQuery = t.validQuery?.(ctx) ?? {};
  if (t.method === "GET") {
    return fc.record({ who, path, query: fc.oneof(fc.constant(validQuery), query) }).map((c) => ({
      target,
      who: c.who,
      method: "GET",
      path: withQuery(c.path, c.query),
      expect: "any",
    }));
  }
  const jsonBody = mutated(t.validBody?.(ctx) ?? {}, bodyFields, hostileJsonValue).map((b) => ({
    body: JSON.stringify(b),
    contentType: "application/json",
  }));
  const raw = fc.constantFrom(...rawBodies).map((r) => ({ body: r.body, contentType: r.contentType }));
  return fc
    .record({ who, path, body: fc.oneof({ weight: 4, arbitrary: jsonBody }, { weight: 1, arbitrary: raw }) })
    .map((c) => ({
      target,
      who: c.who,
      method: t.method,
      path: c.path,
      headers: (c.body.contentType ? { "Content-Type": c.body.contentType } : {}) as Record<string, string>,
      body: c.body.body,
      expect: "any" as const,
    }));
}

/** Hostile input a route must refuse with a 4xx and write nothing for: one broken field in a valid request. */
export function refusedRouteCases(t: RouteTarget, ctx: FuzzContext): FuzzRequest[] {
  if (t.special) return [];
  const target = `${t.method} ${t.file}`;
  const out: FuzzRequest[] = [];
  const base = t.validBody?.(ctx);
  const json = (who: Who, body: unknown, path = fillPath(t.path, ctx)): FuzzRequest => ({
    target,
    who,
    method: t.method,
    path: withQuery(path, t.validQuery?.(ctx) ?? {}),
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    expect: "refused",
  });
  if (t.method !== "GET" && base) {
    // Only fields the valid request sets: a hostile value in a field the request doesn't use may be ignored.
    for (const f of (t.body ? fieldsOf(t.body) : []).filter((f) => f.name in base)) {
      const bad =
        f.kind.type === "number"
          ? INT4_PAST
          : f.kind.type === "string"
            ? `${ctx.marker}\u0000`
            : { [ctx.marker]: "\u0000" };
      out.push(json(t.who, { ...base, [f.name]: bad }));
    }
    out.push({
      ...json(t.who, {}),
      body: '{"name": "\u0000',
      headers: { "Content-Type": "application/json" },
    });
    if (t.who !== "anonymous") out.push(json("anonymous", base));
    if (t.adminOnly) out.push(json("client", base));
  }
  // Numeric ids only: a code in the path is looked up as it is (unknown codes are a normal answer).
  if (/:(id|codeId)\b/.test(t.path)) {
    for (const s of [String(INT4_PAST), "-1", "%00"]) {
      out.push({
        ...json(t.who, base ?? {}, fillPath(t.path, ctx, s)),
        method: t.method,
        body: t.method === "GET" ? undefined : JSON.stringify(base ?? {}),
      });
    }
  }
  if (t.method === "GET" && t.query) {
    for (const f of fieldsOf(t.query)) {
      out.push({
        target,
        who: t.who,
        method: "GET",
        path: withQuery(fillPath(t.path, ctx), {
          ...(t.validQuery?.(ctx) ?? {}),
          [f.name]: `${ctx.marker}\u0000`,
        }),
        expect: "refused",
      });
    }
  }
  if (t.who !== "anonymous" && t.method === "GET") {
    out.push({ target, who: "anonymous", method: "GET", path: fillPath(t.path, ctx), expect: "refused" });
  }
  return out.map((r) => (r.method === "GET" ? { ...r, body: undefined, headers: undefined } : r));
}

// ---------------------------------------------------------------------------------------------- Stripe

function validEvent(ctx: FuzzContext): Record<string, unknown> {
  const id = ctx.unique();
  return {
    id: `evt_fuzz_${id}`,
    object: "event",
    type: "invoice.paid",
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: `in_fuzz_${id}`,
        object: "invoice",
        customer_email: `nobody.${ctx.marker}@example.org`,
        amount_paid: 3995,
        currency: "usd",
        status_transitions: { paid_at: Math.floor(Date.now() / 1000) },
      },
    },
  };
}

const sign = (payload: string) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret: STRIPE_WEBHOOK_SECRET });

/** Validly signed Stripe events with broken envelopes (the signature proves the sender, not the shape). */
export function stripeCases(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const envelopeFields: Field[] = ["id", "type", "created", "data", "object"].map((name) => ({
    name,
    kind: { type: name === "created" ? "number" : "string" },
    optional: false,
  }));
  const invoiceFields: Field[] = [
    "id",
    "customer_email",
    "amount_paid",
    "currency",
    "status_transitions",
    "customer",
    "subscription",
  ].map((name) => ({
    name,
    kind: { type: name === "amount_paid" ? "number" : "string" },
    optional: true,
  }));
  const event = validEvent(ctx);
  const envelope = mutated(event, envelopeFields, hostileJsonValue);
  const invoice = mutated(
    (event.data as { object: Record<string, unknown> }).object,
    invoiceFields,
    hostileJsonValue,
  ).map((object) => ({
    ...validEvent(ctx),
    data: { object },
  }));
  const paidAt = fc.constantFrom(9e15, -1, "yesterday", null).map((paid_at) => {
    const e = validEvent(ctx);
    (e.data as { object: Record<string, unknown> }).object.status_transitions = { paid_at };
    return e;
  });
  const odd = fc.constantFrom<unknown>(null, [], "x", 5, {}, { type: "invoice.paid" });
  const payload = fc.oneof(envelope, invoice, paidAt, odd).map((p) => JSON.stringify(p));
  const signed = payload.map((p) => ({ p, sig: sign(p) }));
  const unsigned = fc
    .tuple(payload, fc.constantFrom("", "t=1,v1=00", "garbage", `t=${Date.now()},v1=${"a".repeat(64)}`))
    .map(([p, sig]) => ({ p, sig }));
  const raw = fc.constantFrom(...rawBodies).map((r) => ({ p: r.body, sig: sign(r.body) }));
  return fc
    .oneof(
      { weight: 6, arbitrary: signed },
      { weight: 1, arbitrary: unsigned },
      { weight: 2, arbitrary: raw },
    )
    .map(({ p, sig }) => ({
      target: "POST app/api/webhooks/stripe/route.ts",
      who: "anonymous",
      method: "POST",
      path: "/api/webhooks/stripe",
      headers: { "Content-Type": "application/json", ...(sig ? { "Stripe-Signature": sig } : {}) },
      body: p,
      expect: "any",
    }));
}

// --------------------------------------------------------------------------------------------- next-auth

/**
 * next-auth's endpoints. Sign-in attempts use the demo password or an address with no account, and only a
 * handful carry a wrong password: login throttling must not lock the demo accounts other specs use.
 */
export function nextAuthCases(
  csrf: { token: string; cookie: string },
  demoEmail: string,
  demoPassword: string,
): fc.Arbitrary<FuzzRequest> {
  const target = (m: string) => `${m} app/api/auth/[...nextauth]/route.ts`;
  const get = fc
    .tuple(
      fc.constantFrom(
        "session",
        "csrf",
        "providers",
        "signin",
        "signin/credentials",
        "signout",
        "error",
        "callback/credentials",
        "_log",
        "verify-request",
      ),
      fc.option(fc.tuple(fc.constantFrom("callbackUrl", "error", "csrf"), hostileString)),
      fc.option(hostileString.map((s) => encodeURIComponent(s.slice(0, 500).toWellFormed()))),
    )
    .map(([action, param, tail]) => ({
      target: target("GET"),
      who: "anonymous" as Who,
      method: "GET",
      path: withQuery(`/api/auth/${tail ?? action}`, param ? { [param[0]]: param[1].slice(0, 2000) } : {}),
      expect: "any" as const,
    }));
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const callback = fc
    .tuple(hostileString, fc.boolean(), fc.boolean())
    .map(([callbackUrl, withCsrf, json]) => ({
      target: target("POST"),
      who: "anonymous" as Who,
      method: "POST",
      path: "/api/auth/callback/credentials",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrf.cookie },
      body: form({
        ...(withCsrf ? { csrfToken: csrf.token } : {}),
        email: demoEmail,
        password: demoPassword,
        callbackUrl,
        ...(json ? { json: "true" } : {}),
      }),
      expect: "any" as const,
    }));
  const malformed = fc
    .tuple(
      fc.constantFrom("callback/credentials", "signin/credentials", "signout", "_log", "session"),
      fc.constantFrom(...rawBodies),
    )
    .map(([action, raw]) => ({
      target: target("POST"),
      who: "anonymous" as Who,
      method: "POST",
      path: `/api/auth/${action}`,
      headers: { ...(raw.contentType ? { "Content-Type": raw.contentType } : {}), Cookie: csrf.cookie },
      body: raw.body,
      expect: "any" as const,
    }));
  return fc.oneof(
    { weight: 3, arbitrary: get },
    { weight: 3, arbitrary: callback },
    { weight: 2, arbitrary: malformed },
  );
}

/** The handful of sign-ins with hostile credentials (no account has these addresses). */
export function nextAuthCredentialCases(
  csrf: { token: string; cookie: string },
  marker: string,
): FuzzRequest[] {
  const bad = [
    { email: `${marker}\u0000@example.org`, password: "x" },
    { email: `${marker}@example.org`, password: "x".repeat(100_000) },
    { email: "x".repeat(100_000), password: "\u0000" },
    { email: `${marker}@example.org`, password: "" },
  ];
  return bad.map((fields) => ({
    target: "POST app/api/auth/[...nextauth]/route.ts",
    who: "anonymous",
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrf.cookie },
    body: new URLSearchParams({ csrfToken: csrf.token, json: "true", ...fields }).toString(),
    expect: "any",
  }));
}

// ----------------------------------------------------------------------------------------- server actions

export type ActionEndpoint = { name: string; id: string; page: string; target: ActionTarget };

/** The body Chromium sends for a `useActionState` form: args `[prevState, formData]`, fields prefixed `_1_`. */
export function actionForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(`_1_${k}`, v);
  form.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  return form;
}

export function actionHeaders(id: string, origin: string | null): Record<string, string> {
  return { "Next-Action": id, Accept: "text/x-component", ...(origin === null ? {} : { Origin: origin }) };
}

const rawActionBodies: Array<{ label: string; body: string; contentType: string }> = [
  {
    label: "JSON args instead of FormData",
    body: JSON.stringify([{ status: "idle" }, {}]),
    contentType: "text/plain;charset=UTF-8",
  },
  { label: "JSON object", body: JSON.stringify({ name: "x" }), contentType: "text/plain;charset=UTF-8" },
  { label: "one JSON arg", body: JSON.stringify([null]), contentType: "text/plain;charset=UTF-8" },
  { label: "no args", body: "[]", contentType: "text/plain;charset=UTF-8" },
  { label: "bad JSON", body: "[{", contentType: "text/plain;charset=UTF-8" },
  { label: "empty text", body: "", contentType: "text/plain;charset=UTF-8" },
  { label: "NUL", body: "\u0000", contentType: "text/plain;charset=UTF-8" },
  { label: "form-urlencoded", body: "name=x", contentType: "application/x-www-form-urlencoded" },
  { label: "multipart without boundary", body: "--x\r\n", contentType: "multipart/form-data" },
  { label: "JSON", body: "{}", contentType: "application/json" },
];

/** Random posts to one action: hostile field values, missing and extra fields, broken bodies. */
export function actionCases(a: ActionEndpoint, ctx: FuzzContext, origin: string): fc.Arbitrary<FuzzRequest> {
  const target = `action ${a.name}`;
  const who = fc.oneof(
    { weight: 7, arbitrary: fc.constant(a.target.who) },
    { weight: 3, arbitrary: fc.constantFrom(...WHO) },
  );
  const fields = [
    ...fieldsOf(a.target.schema),
    ...(a.target.extraFieldNames ?? []).map((name): Field => ({
      name,
      kind: { type: "string" },
      optional: true,
    })),
  ];
  const form = mutated(a.target.valid(ctx), fields, () => hostileFormValue()).map((f) =>
    Object.fromEntries(Object.entries(f).map(([k, v]) => [k, String(v)])),
  );
  const formBody = form.map((f) => ({
    body: actionForm(f) as string | FormData,
    contentType: undefined as string | undefined,
  }));
  const raw = fc
    .constantFrom(...rawActionBodies)
    .map((r) => ({ body: r.body as string | FormData, contentType: r.contentType as string | undefined }));
  return fc
    .record({ who, body: fc.oneof({ weight: 5, arbitrary: formBody }, { weight: 1, arbitrary: raw }) })
    .map(({ who, body }) => ({
      target,
      who,
      method: "POST",
      path: a.page,
      headers: {
        ...actionHeaders(a.id, origin),
        ...(body.contentType ? { "Content-Type": body.contentType } : {}),
      },
      body: body.body,
      expect: "any",
    }));
}

/** Posts each action must refuse without writing: one broken field, the wrong caller, a foreign Origin. */
export function refusedActionCases(a: ActionEndpoint, ctx: FuzzContext, origin: string): FuzzRequest[] {
  const target = `action ${a.name}`;
  const valid = a.target.valid(ctx);
  const post = (who: Who, fields: Record<string, string>, from: string | null = origin): FuzzRequest => ({
    target,
    who,
    method: "POST",
    path: a.page,
    headers: actionHeaders(a.id, from),
    body: actionForm(fields),
    expect: "refused",
  });
  const out: FuzzRequest[] = [];
  for (const f of fieldsOf(a.target.schema).filter((f) => f.name in valid)) {
    if (f.kind.type === "boolean") continue; // a checkbox reads anything but "on" as unticked
    const bad =
      f.kind.type === "number" || /id$|Id$|Ids$/.test(f.name) ? String(INT4_PAST) : `${ctx.marker}\u0000`;
    out.push(post(a.target.who, { ...valid, [f.name]: bad }));
  }
  if (a.target.who !== "anonymous") out.push(post("anonymous", valid));
  if (a.target.who === "admin") out.push(post("client", valid));
  return out;
}

/** A valid post from a foreign or missing Origin: Next's CSRF check must answer 403 and write nothing. */
export function foreignOriginCases(a: ActionEndpoint, ctx: FuzzContext): FuzzRequest[] {
  return ["https://evil.example", "null", null].map((from) => ({
    target: `action ${a.name}`,
    who: a.target.who,
    method: "POST",
    path: a.page,
    headers: actionHeaders(a.id, from),
    body: actionForm(a.target.valid(ctx)),
    expect: "refused",
    expectStatus: 403,
  }));
}

/** A valid post past the server actions' body size limit (1 MB): 413 with a clear message, nothing written. */
export function oversizeActionCases(a: ActionEndpoint, ctx: FuzzContext, origin: string): FuzzRequest[] {
  const valid = a.target.valid(ctx);
  const field = Object.keys(valid)[0] ?? "padding";
  return [
    {
      target: `action ${a.name}`,
      who: a.target.who,
      method: "POST",
      path: a.page,
      headers: actionHeaders(a.id, origin),
      body: actionForm({ ...valid, [field]: `${valid[field] ?? ""}${"x".repeat(1_200_000)}` }),
      expect: "refused",
      expectStatus: 413,
    },
  ];
}
