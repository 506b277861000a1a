// Graceful shutdown, shared by server.mjs (which owns the HTTP server) and the app (which owns the job
// runner and the database pools, registered from instrumentation.ts). The state lives on globalThis:
// server.mjs and the bundled app code load separate copies of this module.
//
// On SIGTERM: the instance starts draining (readiness answers 503, new requests are refused with 503 and
// `Connection: close`), phase-1 hooks start at once (the job runner stops fetching and lets a running job
// finish), requests already in flight finish, and when both are done — or the grace period is over —
// phase-2 hooks close the pools and the process exits 0.

/**
 * @typedef {(remainingMs: number) => unknown} ShutdownHook
 * @typedef {{ name: string, run: ShutdownHook, phase: 1 | 2 }} Hook
 * @typedef {{ draining: boolean, hooks: Hook[] }} LifecycleState
 */

/** @type {{ __musenestLifecycle?: LifecycleState }} */
const store = /** @type {never} */ (globalThis);
const state = (store.__musenestLifecycle ??= { draining: false, hooks: [] });

export const DEFAULT_GRACE_MS = 25_000;

/** SHUTDOWN_GRACE_MS: how long in-flight requests and running jobs get after SIGTERM (default 25 s). */
export function graceMsFromEnv(env = process.env) {
  const raw = env.SHUTDOWN_GRACE_MS;
  if (raw === undefined || raw === "") return DEFAULT_GRACE_MS;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`SHUTDOWN_GRACE_MS must be whole milliseconds (got "${raw}")`);
  return value;
}

/** True from SIGTERM on: /api/ready answers 503 so the load balancer stops sending traffic here. */
export function isDraining() {
  return state.draining;
}

/**
 * @param {string} name
 * @param {ShutdownHook} run gets the milliseconds left of the grace period
 * @param {1 | 2} phase 1: runs when draining starts, beside the requests; 2: after them (pools)
 */
export function registerShutdownHook(name, run, phase) {
  state.hooks = state.hooks.filter((h) => h.name !== name);
  state.hooks.push({ name, run, phase });
}

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @returns {Promise<T | "timeout">}
 */
function within(promise, ms) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve("timeout"), Math.max(0, ms))));
  return Promise.race([promise, /** @type {Promise<"timeout">} */ (timeout)]).finally(() =>
    clearTimeout(timer),
  );
}

/**
 * Drains the instance: marks it draining, runs phase-1 hooks, waits for `requestsDone` (the HTTP side),
 * then phase-2 hooks, all within `graceMs` (phase 2 always gets at least 5 s more to close the pools).
 * @param {{ graceMs: number, requestsDone: () => Promise<void>, log: (level: "info" | "warn", msg: string, extra?: object) => void }} opts
 * @returns {Promise<{ timedOut: boolean }>}
 */
export async function drain({ graceMs, requestsDone, log }) {
  state.draining = true;
  const deadline = Date.now() + graceMs;
  const remaining = () => Math.max(0, deadline - Date.now());
  const run = (/** @type {Hook} */ hook) =>
    Promise.resolve()
      .then(() => hook.run(remaining()))
      .catch((error) => log("warn", `shutdown hook ${hook.name} failed`, { err: error }));
  const phase1 = Promise.all(state.hooks.filter((h) => h.phase === 1).map(run));
  const first = await within(Promise.all([phase1, requestsDone()]), remaining());
  const timedOut = first === "timeout";
  if (timedOut) log("warn", `grace period of ${graceMs} ms over; closing with work still running`);
  for (const hook of state.hooks.filter((h) => h.phase === 2)) {
    await within(run(hook), Math.max(remaining(), 5_000));
  }
  return { timedOut };
}
