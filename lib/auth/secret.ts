import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * NEXTAUTH_SECRET signs sessions. Production must set it; for a local `npm run dev` we make one and keep
 * it under .data/ so sessions survive restarts without anyone having to configure anything.
 */
export function ensureAuthSecret(): void {
  if (process.env.NEXTAUTH_SECRET) return;
  if (process.env.NODE_ENV === "production" && !process.env.MUSENEST_ALLOW_GENERATED_SECRET) {
    throw new Error("NEXTAUTH_SECRET must be set in production (e.g. `openssl rand -base64 32`).");
  }
  const file = path.join(process.cwd(), ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

/**
 * At server start: without a secret every request would fail with a 500 after "Ready" was printed, so a
 * production server without one stops here with the reason instead (the custom server checks earlier;
 * this also covers a plain `next start`).
 */
export function ensureAuthSecretOrExit(): void {
  try {
    ensureAuthSecret();
  } catch (error) {
    console.error(`[startup] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
