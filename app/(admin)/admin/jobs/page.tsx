import type { Metadata } from "next";
import { createdColumn, OutboxTable, STATUS_COLUMN } from "@/components/admin/outbox-table";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { StatusBadges } from "@/components/ui/status-badge";
import { Table, TableBody, TableHead, TableScroll, Td, Th } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";
import { pageContext } from "@/lib/auth/page-context";
import { readQueueDepth } from "@/lib/jobs/queue-depth";
import { listRecentJobs, readSchedules, RECENT_JOBS_LIMIT } from "@/lib/jobs/recent-jobs";
import { jobsRunning } from "@/lib/jobs/scheduler";
import { adminJobsSearchSchema, JOB_STATES } from "@/lib/validation/jobs";
import { RetryJobButton } from "./retry-job-button";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type JobState = (typeof JOB_STATES)[number];

const QUEUE_LABELS: Record<string, string> = {
  "invites:send-email": "Send invite e-mail",
  "invites:sweep-queued": "Hand queued invites to the mailer",
  "commissions:approve-due": "Approve commissions past their hold",
  "rewards:expire-points": "Expire points",
  "rewards:release-paid-referrals": "Release points on first payment",
  "accounts:send-email": "Send account e-mail (password reset, address change)",
  "webhooks:fan-out": "Turn events into webhook deliveries",
  "webhooks:deliver": "Deliver a webhook",
  "leaderboard:move-window": "Move the leaderboard's 30 days",
  "notifications:consume-events": "Turn events into notification e-mails",
  "notifications:send": "Send a notification e-mail",
  "notifications:sweep": "Hand waiting notifications to the mailer",
  "notifications:check-failing-jobs": "Tell admins about failing jobs",
  "notifications:monthly-summary": "Queue the monthly summaries",
};

const STATE: StatusBadges<JobState> = {
  created: { label: "Waiting", tone: "info" },
  retry: { label: "Retrying", tone: "warning" },
  active: { label: "Running", tone: "info" },
  completed: { label: "Done", tone: "success" },
  cancelled: { label: "Cancelled", tone: "neutral" },
  failed: { label: "Failed", tone: "danger" },
};

/** The states worth filtering by, the ones needing attention first. */
const FILTERS: JobState[] = ["failed", "retry", "active", "created", "completed"];

/** "every 10 minutes" for the crons the app registers; anything else as written. */
function describeCron(cron: string | undefined): string {
  if (!cron) return "On demand";
  const everyMinutes = /^\*\/(\d+) \* \* \* \*$/.exec(cron);
  if (everyMinutes) return `Every ${everyMinutes[1]} minutes`;
  if (cron === "* * * * *") return "Every minute";
  if (cron === "0 * * * *") return "Every hour";
  const everyHours = /^0 \*\/(\d+) \* \* \*$/.exec(cron);
  if (everyHours) return `Every ${everyHours[1]} hours`;
  return cron;
}

const label = (queue: string) => QUEUE_LABELS[queue] ?? queue;

export default async function AdminJobsPage({ searchParams }: Props) {
  const { db } = await pageContext("/admin/jobs", "admin");
  const raw = await searchParams;
  const search = adminJobsSearchSchema.parse({ state: Array.isArray(raw.state) ? raw.state[0] : raw.state });
  const [depth, schedules, jobs] = await Promise.all([
    readQueueDepth(db),
    readSchedules(db),
    listRecentJobs(db, search),
  ]);
  const queues = [...new Set(depth.map((d) => d.queue))].map((queue) => {
    const count = (state: string) => depth.find((d) => d.queue === queue && d.state === state)?.jobs ?? 0;
    return {
      queue,
      cron: schedules.get(queue),
      waiting: count("created"),
      retrying: count("retry"),
      running: count("active"),
      failed: count("failed"),
    };
  });
  const working = jobsRunning();

  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <PageHeader
        title="Jobs"
        description={`Scheduled work and invite e-mails run from one queue in the database, shared by every instance: each run happens once. This instance ${working ? "works jobs" : "serves requests only (JOBS=off)"}. Times are UTC.`}
      />

      <Card role="region" aria-labelledby="queues-title" className="mb-8">
        <CardHeader>
          <CardTitle id="queues-title">Queues</CardTitle>
          <CardDescription>
            Jobs waiting, retrying, running and failed right now, across all instances.
          </CardDescription>
        </CardHeader>
        <TableScroll aria-label="Queues table">
          <Table className="min-w-[40rem]">
            <TableHead className="bg-ink-50/60">
              <tr>
                <Th>Queue</Th>
                <Th>Runs</Th>
                <Th align="right">Waiting</Th>
                <Th align="right">Retrying</Th>
                <Th align="right">Running</Th>
                <Th align="right">Failed</Th>
              </tr>
            </TableHead>
            <TableBody>
              {queues.map((q) => (
                <tr key={q.queue}>
                  <Td>
                    <p className="font-medium text-ink-900">{label(q.queue)}</p>
                    <p className="font-mono text-xs text-ink-500">{q.queue}</p>
                  </Td>
                  <Td className="text-ink-700">{describeCron(q.cron)}</Td>
                  <Td numeric>{q.waiting}</Td>
                  <Td numeric>{q.retrying}</Td>
                  <Td numeric>{q.running}</Td>
                  <Td numeric>
                    {q.failed > 0 ? <span className="font-semibold text-red-700">{q.failed}</span> : 0}
                  </Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      </Card>

      <OutboxTable
        label="Recent jobs"
        rows={jobs.map((job) => ({ ...job, createdAt: job.createdOn.toISOString() }))}
        rowKey={(job) => job.id}
        minWidth="min-w-[56rem]"
        status={{ header: "State", badges: STATE, of: (job) => job.state }}
        filter={{
          label: "Filter by state",
          path: "/admin/jobs",
          param: "state",
          statuses: FILTERS,
          current: search.state,
        }}
        columns={[
          createdColumn("seconds"),
          {
            header: "Job",
            cell: (job) => (
              <>
                <p className="font-medium text-ink-900">{label(job.queue)}</p>
                <p className="text-xs text-ink-500">{job.summary}</p>
              </>
            ),
          },
          STATUS_COLUMN,
          {
            header: "Attempts",
            numeric: true,
            cell: (job) => `${job.retryCount + 1} of ${job.retryLimit + 1}`,
          },
          {
            header: "Finished",
            className: "whitespace-nowrap text-ink-700",
            cell: (job) =>
              job.completedOn ? <UtcTime value={job.completedOn.toISOString()} precision="seconds" /> : "—",
          },
          {
            header: "Error",
            cell: (job) =>
              job.error ? (
                <p className="max-w-sm text-xs break-words text-red-800">{job.error}</p>
              ) : (
                <span className="text-ink-400">—</span>
              ),
          },
          {
            header: <span className="sr-only">Actions</span>,
            // relative: the sr-only label is absolutely placed and would widen the page at 390 px
            headerClassName: "relative",
            cell: (job) =>
              job.state === "failed" ? <RetryJobButton queue={job.queue} jobId={job.id} /> : null,
          },
        ]}
        empty={{
          title: search.state ? `No ${STATE[search.state].label.toLowerCase()} jobs` : "No jobs yet",
          text: "Jobs appear here when a schedule fires or an invite e-mail is sent. Finished jobs are kept a day, failed ones a week.",
        }}
        limit={RECENT_JOBS_LIMIT}
      />
    </div>
  );
}
