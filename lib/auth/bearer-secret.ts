import { createHash, randomBytes } from "node:crypto";

// The one recipe for secrets handed out once and kept only as a hash: API keys, embed tokens, e-mailed
// reset and confirmation links. 32 random bytes leave nothing to brute-force, so a fast hash is enough
// (no salt, no argon2), and the hash can be looked up by equality through a unique index.

/** `prefix` + 32 random bytes, URL-safe: shown (or e-mailed) exactly once, never stored. */
export function newBearerSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

/** What is stored instead of the secret: a database leak hands out nothing that works. */
export function hashBearerSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
