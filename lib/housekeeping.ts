// Housekeeping that rides along with requests (pruning expired limiter rows): at most once per period
// per process, and never the request's failure. Which process does it doesn't matter — the work is an
// idempotent batch delete in PostgreSQL — so the "last run" clock may live in memory.
const lastRun = ((globalThis as { __musenestHousekeeping?: Map<string, number> }).__musenestHousekeeping ??=
  new Map<string, number>());

/** Runs `task` unless this process ran the task named `name` less than `everyMs` ago; logs a failure. */
export async function nowAndThen(name: string, everyMs: number, task: () => Promise<unknown>): Promise<void> {
  const clock = Date.now();
  if (clock - (lastRun.get(name) ?? 0) < everyMs) return;
  lastRun.set(name, clock);
  try {
    await task();
  } catch (error) {
    console.error(`[${name}] housekeeping failed`, error);
  }
}
