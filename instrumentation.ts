// Runs once when the Next.js server starts: secrets, database, migrations, demo data.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { ensureAuthSecretOrExit } = await import("./lib/auth/secret");
  ensureAuthSecretOrExit();
  // Without NEXTAUTH_URL, next-auth builds its URLs from the request's Host header.
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
  const { ensureReady } = await import("./seed/bootstrap");
  await ensureReady();
  await import("./lib/jobs/registry");
  const { startJobs } = await import("./lib/jobs/scheduler");
  startJobs();
}
