// Module resolution hooks (registered by hash-stub.mjs, after tsx's, so they see tsx's answer first):
// the app's lib/auth/password.ts → bench/stub-password.ts, and db/open.ts's postgres.js → the counting
// wrapper in bench/counting-postgres.ts.
const stub = new URL("./stub-password.ts", import.meta.url).href;
const counting = new URL("./counting-postgres.ts", import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (resolved.url.endsWith("/lib/auth/password.ts")) return { ...resolved, url: stub };
  if (specifier === "postgres" && context.parentURL?.endsWith("/db/open.ts"))
    return { ...resolved, url: counting };
  return resolved;
}
