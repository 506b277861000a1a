// In-app timers for periodic jobs (commission approval, points expiry). Each job is also exposed as an
// npm script for an external scheduler; both call the same domain function, which must be idempotent.

export type Job = { name: string; intervalMs: number; run: (now: Date) => Promise<unknown> };

type SchedulerState = { jobs: Map<string, Job>; timers: NodeJS.Timeout[]; started: boolean };
const state: SchedulerState = ((globalThis as { __musenestJobs?: SchedulerState }).__musenestJobs ??= {
  jobs: new Map(),
  timers: [],
  started: false,
});

export function registerJob(job: Job): void {
  state.jobs.set(job.name, job);
}

export function registeredJobs(): Job[] {
  return [...state.jobs.values()];
}

/** Starts every registered job once per process (JOBS=off disables them, e.g. when cron runs them). */
export function startJobs(): void {
  if (state.started || process.env.JOBS === "off") return;
  state.started = true;
  for (const job of state.jobs.values()) {
    let running = false;
    const tick = async () => {
      if (running) return; // never overlap a slow run with the next tick
      running = true;
      try {
        await job.run(new Date());
      } catch (error) {
        console.error(`[jobs] ${job.name} failed`, error);
      } finally {
        running = false;
      }
    };
    const timer = setInterval(tick, job.intervalMs);
    timer.unref();
    state.timers.push(timer);
  }
}
