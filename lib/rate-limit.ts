import "server-only";

// In-memory fixed-window rate limiting, per process. Enough for one Next.js server; several instances
// would each count separately (a shared store would be needed then).

type Window = { startedAt: number; count: number };
type Store = Map<string, Map<string, Window>>;

// On globalThis so dev hot reloads keep the counts (a reload must not reset an attacker's budget).
const store: Store = ((globalThis as { __musenestRateLimits?: Store }).__musenestRateLimits ??= new Map());

export const DEFAULT_MAX_KEYS = 10_000;

export type RateLimitResult = {
  allowed: boolean;
  limit: number;
  remaining: number;
  retryAfterSeconds: number;
};

/**
 * Counts one attempt by `key` (a client address) in `bucket` and says whether it is within `limit` per
 * `windowMs`. Refused attempts count too, so hammering does not shorten the wait. At most `maxKeys`
 * keys are kept per bucket: expired windows go first, then the longest-standing ones.
 */
export function checkRateLimit(
  bucket: string,
  key: string,
  opts: { limit: number; windowMs: number; maxKeys?: number },
  now: number = Date.now(),
): RateLimitResult {
  let windows = store.get(bucket);
  if (!windows) store.set(bucket, (windows = new Map()));

  let window = windows.get(key);
  if (!window || now - window.startedAt >= opts.windowMs) {
    // Re-inserted at the end, so the Map's order is the order windows started (oldest first).
    windows.delete(key);
    evict(windows, opts.maxKeys ?? DEFAULT_MAX_KEYS, opts.windowMs, now);
    window = { startedAt: now, count: 0 };
    windows.set(key, window);
  }
  window.count++;
  const allowed = window.count <= opts.limit;
  return {
    allowed,
    limit: opts.limit,
    remaining: Math.max(0, opts.limit - window.count),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((window.startedAt + opts.windowMs - now) / 1000)),
  };
}

function evict(windows: Map<string, Window>, maxKeys: number, windowMs: number, now: number): void {
  if (windows.size < maxKeys) return;
  for (const [key, window] of windows) {
    if (now - window.startedAt < windowMs) break; // the rest started later
    windows.delete(key);
  }
  for (const key of windows.keys()) {
    if (windows.size < maxKeys) break;
    windows.delete(key);
  }
}

/** A positive whole number from the environment, else `fallback` (unset, empty or garbage). */
export function limitFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Forgets every count (tests). */
export function resetRateLimits(bucket?: string): void {
  if (bucket) store.delete(bucket);
  else store.clear();
}
