// The job runner's settings from the environment (operators, and the cluster spec's short clocks).
import { describe, expect, it } from "vitest";
import { inviteEmailJobOptions } from "@/db/job-queue";
import { jobRunnerOptionsFromEnv } from "./scheduler";

describe("jobRunnerOptionsFromEnv", () => {
  it("leaves pg-boss's defaults when nothing is set", () => {
    expect(jobRunnerOptionsFromEnv({})).toEqual({
      scheduledPollingSeconds: undefined,
      maintenanceIntervalSeconds: undefined,
    });
  });

  it("reads schedules, polling, clock and maintenance", () => {
    const opts = jobRunnerOptionsFromEnv({
      JOBS_CRON: "commissions:approve-due=* * * * *; rewards:expire-points = 0 3 * * *",
      JOBS_POLL_SECONDS: "1",
      JOBS_CLOCK_SECONDS: "2",
      JOBS_MAINTENANCE_SECONDS: "5",
    });
    expect(opts).toEqual({
      cron: { "commissions:approve-due": "* * * * *", "rewards:expire-points": "0 3 * * *" },
      scheduledPollingSeconds: 1,
      cronMonitorIntervalSeconds: 2,
      cronWorkerIntervalSeconds: 2,
      maintenanceIntervalSeconds: 5,
    });
  });

  it("refuses values that are not whole seconds, and schedules without a name", () => {
    expect(() => jobRunnerOptionsFromEnv({ JOBS_POLL_SECONDS: "0.5" })).toThrow(/JOBS_POLL_SECONDS/);
    expect(() => jobRunnerOptionsFromEnv({ JOBS_CLOCK_SECONDS: "0" })).toThrow(/JOBS_CLOCK_SECONDS/);
    expect(() => jobRunnerOptionsFromEnv({ JOBS_CRON: "* * * * *" })).toThrow(/name=cron/);
  });
});

describe("inviteEmailJobOptions", () => {
  it("sets the e-mail job's expiry and retry delay only when configured", () => {
    expect(inviteEmailJobOptions({})).toEqual({});
    expect(
      inviteEmailJobOptions({ INVITE_EMAIL_EXPIRE_SECONDS: "300", INVITE_EMAIL_RETRY_DELAY_SECONDS: "5" }),
    ).toEqual({ expireInSeconds: 300, retryDelay: 5 });
    expect(() => inviteEmailJobOptions({ INVITE_EMAIL_EXPIRE_SECONDS: "soon" })).toThrow(/whole seconds/);
  });
});
