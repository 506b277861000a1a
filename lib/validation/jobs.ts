// The admin jobs page: its filter (search params) and the retry of a failed job (a server action).
import { z } from "zod";
import { QUEUE_DEFINITIONS } from "@/db/job-queue";

export const JOB_STATES = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
export const QUEUE_NAMES = QUEUE_DEFINITIONS.map((q) => q.name) as [string, ...string[]];

/** `?state=failed`: an unknown value shows everything rather than an error (a link typed by hand). */
export const adminJobsSearchSchema = z.object({
  state: z.enum(JOB_STATES).optional().catch(undefined),
});

export const retryJobSchema = z.object({
  queue: z.enum(QUEUE_NAMES, { error: "Unknown job queue" }),
  jobId: z.uuid({ error: "Not a job id" }),
});
export type RetryJobInput = z.infer<typeof retryJobSchema>;
