// Machine-wide busy CPU time from /proc/stat (Linux), to turn a baseline's rate into CPU per operation:
// what the machine must spend on a hash, on the bare SQL of a signup and on one HTTP round trip, measured
// in the same run as the app. On a quiet machine the other processes' share is small; on a busy one it
// inflates every figure alike and the bound below comes out lower.
import { readFileSync } from "node:fs";
import os from "node:os";

function busyMs(): number | null {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: busy is everything but idle and iowait.
    const [user, nice, system, , , irq, softirq, steal] = cpu;
    return ((user + nice + system + irq + softirq + (steal ?? 0)) * 1000) / 100; // USER_HZ = 100
  } catch {
    return null;
  }
}

export type Cpu = { busyMs: number; operations: number; msPerOperation: number } | null;

/** Runs `fn` and reports the machine's busy CPU-ms per operation counted by `count(result)`. */
export async function measureCpu<T>(fn: () => Promise<T>, count: (r: T) => number): Promise<[T, Cpu]> {
  const before = busyMs();
  const result = await fn();
  const after = busyMs();
  const operations = count(result);
  if (before === null || after === null || operations <= 0) return [result, null];
  const busy = after - before;
  return [result, { busyMs: busy, operations, msPerOperation: busy / operations }];
}

/**
 * The most signups per second this machine can do if each costs at least one hash, the bare SQL of the
 * attribution and one HTTP round trip, with every core busy and nothing else running: cores × 1000 ms over
 * the sum of their CPU-ms. A target above it can't be met by making the app cheaper.
 */
export function signupCeiling(parts: Cpu[]): number | null {
  if (parts.some((p) => p === null)) return null;
  const ms = parts.reduce((sum, p) => sum + p!.msPerOperation, 0);
  return (os.cpus().length * 1000) / ms;
}
