// The app's job runner: pg-boss over the process's own database (PostgreSQL or the embedded PGlite, see
// db/job-queue.ts). Periodic jobs (commission approval, points expiry, …) are pg-boss schedules, so with
// any number of instances each period's run happens once: one instance's clock check sends the period's
// job (deduplicated per minute), one worker fetches it (SKIP LOCKED) and the queue's `singleton` policy
// keeps a slow run from overlapping the next. Each job is also an npm script for an external scheduler;
// both call the same idempotent domain function.
import PgBoss from "pg-boss";
import type { DatabaseHandle } from "@/db/open";
import { JOB_RETENTION, JOB_SCHEMA, jobDbForHandle, QUEUE_DEFINITIONS } from "@/db/job-queue";
import { logger } from "@/lib/observability/logger.mjs";
import { jobMetrics } from "@/lib/observability/metrics.mjs";

export type Job = { name: string; intervalMs: number; run: (now: Date) => Promise<unknown> };
/** A queue worked by this process: `handler` gets one job's data; throwing fails (and maybe retries) it. */
export type Worker = {
  queue: string;
  pollingIntervalSeconds: number;
  handler: (data: unknown) => Promise<unknown>;
};

type SchedulerState = {
  jobs: Map<string, Job>;
  workers: Map<string, Worker>;
  boss?: PgBoss;
  started: boolean;
};
const state: SchedulerState = ((globalThis as { __musenestJobs?: SchedulerState }).__musenestJobs ??= {
  jobs: new Map(),
  workers: new Map(),
  started: false,
});

export function registerJob(job: Job): void {
  state.jobs.set(job.name, job);
}

export function registerWorker(worker: Worker): void {
  state.workers.set(worker.queue, worker);
}

export function registeredJobs(): Job[] {
  return [...state.jobs.values()];
}

/** The cron expression for "every `intervalMs`": whole minutes dividing an hour, or whole hours. */
export function cronForInterval(intervalMs: number): string {
  const minutes = intervalMs / 60_000;
  if (Number.isInteger(minutes) && minutes >= 1 && minutes < 60 && 60 % minutes === 0)
    return minutes === 1 ? "* * * * *" : `*/${minutes} * * * *`;
  const hours = minutes / 60;
  if (Number.isInteger(hours) && hours >= 1 && hours <= 24 && 24 % hours === 0)
    return hours === 1 ? "0 * * * *" : `0 */${hours} * * *`;
  throw new Error(
    `A job interval must be whole minutes dividing an hour or hours dividing a day (${intervalMs} ms)`,
  );
}

export type JobRunnerOptions = {
  /** Seconds between a worker's polls for periodic jobs (their latency hardly matters). */
  scheduledPollingSeconds?: number;
  /** pg-boss's clock checks, in seconds (tests shorten them). */
  cronMonitorIntervalSeconds?: number;
  cronWorkerIntervalSeconds?: number;
  /** A cron expression per job name instead of its interval's (tests: every minute). */
  cron?: Record<string, string>;
  /** Seconds between pg-boss maintenance runs (which fail or retry jobs whose instance died). */
  maintenanceIntervalSeconds?: number;
};

/**
 * Job runner settings from the environment, for operators and the cluster test (e2e/cluster.spec.ts):
 * - JOBS_CRON: `name=cron expression;…` replaces a job's schedule (e.g. `commissions:approve-due=* * * * *`);
 *   pg-boss still sends each schedule once per minute across all instances.
 * - JOBS_POLL_SECONDS: how often workers poll for periodic jobs (default 10).
 * - JOBS_MAINTENANCE_SECONDS: how often pg-boss looks for expired jobs, e.g. of a killed instance (default 120).
 * - JOBS_CLOCK_SECONDS: how often pg-boss checks the schedules and hands due ones to their queues (default
 *   30 and 5 s); shorter checks do not send more: a schedule's send is deduplicated per minute in the database.
 */
export function jobRunnerOptionsFromEnv(
  env: Record<string, string | undefined> = process.env,
): JobRunnerOptions {
  const opts: JobRunnerOptions = {};
  const seconds = (name: string) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return undefined;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be whole seconds ≥ 1`);
    return value;
  };
  opts.scheduledPollingSeconds = seconds("JOBS_POLL_SECONDS");
  opts.maintenanceIntervalSeconds = seconds("JOBS_MAINTENANCE_SECONDS");
  const clock = seconds("JOBS_CLOCK_SECONDS");
  if (clock) opts.cronMonitorIntervalSeconds = opts.cronWorkerIntervalSeconds = clock;
  if (env.JOBS_CRON?.trim()) {
    opts.cron = {};
    for (const entry of env.JOBS_CRON.split(";")) {
      const at = entry.indexOf("=");
      if (at < 1) throw new Error(`JOBS_CRON entries are name=cron (got "${entry}")`);
      opts.cron[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
    }
  }
  return opts;
}

/**
 * A pg-boss instance working every registered job and worker on `handle`'s database. The schema and the
 * queues exist already (db/job-queue.ts installs them with the migrations).
 */
export async function createJobRunner(handle: DatabaseHandle, opts: JobRunnerOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    db: jobDbForHandle(handle),
    schema: JOB_SCHEMA,
    migrate: false,
    ...JOB_RETENTION,
    cronMonitorIntervalSeconds: opts.cronMonitorIntervalSeconds ?? 30,
    cronWorkerIntervalSeconds: opts.cronWorkerIntervalSeconds ?? 5,
    // Maintenance (expiring stuck jobs, archiving) needs no more than this on a small queue.
    maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds ?? 120,
  });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await boss.start();
  const known = new Set(QUEUE_DEFINITIONS.map((q) => q.name));
  const work = async (
    queue: string,
    pollingIntervalSeconds: number,
    run: (data: unknown) => Promise<unknown>,
  ) => {
    if (!known.has(queue)) throw new Error(`Queue ${queue} is not in QUEUE_DEFINITIONS (db/job-queue.ts)`);
    await boss.work(queue, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
      const stop = jobMetrics().runSeconds.startTimer({ queue });
      try {
        const result = await run(job.data);
        jobMetrics().runs.inc({ queue, outcome: "completed" });
        return result;
      } catch (error) {
        jobMetrics().runs.inc({ queue, outcome: "failed" });
        logger.warn({ queue, jobId: job.id, err: error }, "job failed");
        throw error;
      } finally {
        stop();
      }
    });
  };
  for (const job of state.jobs.values()) {
    await boss.schedule(job.name, opts.cron?.[job.name] ?? cronForInterval(job.intervalMs));
    await work(job.name, opts.scheduledPollingSeconds ?? 10, () => job.run(new Date()));
  }
  for (const worker of state.workers.values()) {
    await work(worker.queue, worker.pollingIntervalSeconds, worker.handler);
  }
  return boss;
}

/** Starts this process's job runner once (JOBS=off: the instance serves requests and works no jobs). */
export async function startJobs(handle: DatabaseHandle): Promise<void> {
  if (state.started || process.env.JOBS === "off") return;
  state.started = true;
  try {
    state.boss = await createJobRunner(handle, jobRunnerOptionsFromEnv());
    logger.info({ jobs: [...state.jobs.keys()], workers: [...state.workers.keys()] }, "job runner started");
  } catch (error) {
    state.started = false;
    throw error;
  }
}

/**
 * Stops fetching new jobs and waits up to `timeoutMs` for running ones to finish (a job still running
 * then is marked failed by pg-boss, so it is retried or shown, never lost).
 */
export async function stopJobs(timeoutMs: number): Promise<void> {
  const boss = state.boss;
  if (!boss) return;
  state.boss = undefined;
  state.started = false;
  await boss.stop({ graceful: true, timeout: Math.max(1_000, timeoutMs), close: false });
}

/** Whether this process works jobs (for /api/ready and the admin page). */
export function jobsRunning(): boolean {
  return state.boss !== undefined;
}
