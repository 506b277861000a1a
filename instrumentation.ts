// Runs once when the Next.js server starts: secrets, database, migrations, demo data, the job runner.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { ensureAuthSecretOrExit } = await import("./lib/auth/secret");
  ensureAuthSecretOrExit();
  // Without NEXTAUTH_URL, next-auth builds its URLs from the request's Host header.
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
  const { ensureReady } = await import("./seed/bootstrap");
  await ensureReady();
  const { getDatabaseHandle } = await import("./db/client");
  const handle = await getDatabaseHandle();
  const { metrics } = await import("./lib/observability/metrics.mjs");
  const poolMax = handle.kind === "pglite" ? 1 : Number(process.env.DATABASE_POOL_MAX || 10);
  metrics().db.poolMax.set(poolMax);
  // The read replica (DATABASE_REPLICA_URL) is opened at start too: a wrong URL shows in the first log lines.
  const { getReplicaHandle } = await import("./db/client");
  const replica = await getReplicaHandle();
  metrics().db.replicaPoolMax.set(replica ? poolMax : 0);
  await import("./lib/jobs/registry");
  const { startJobs } = await import("./lib/jobs/scheduler");
  await startJobs(handle);
  // server.mjs drains on SIGTERM and then calls this: running jobs finish, then the pools close.
  const { registerShutdownHook } = await import("./lib/observability/lifecycle.mjs");
  const { stopJobs } = await import("./lib/jobs/scheduler");
  registerShutdownHook("jobs", (remainingMs) => stopJobs(remainingMs), 1);
  registerShutdownHook("database", () => Promise.all([handle.close(), replica?.close()]), 2);
}
