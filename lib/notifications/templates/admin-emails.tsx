import { formatMoneyByCurrency, formatPoints } from "@/lib/format";
import { Facts, Mono, NotificationLayout, Paragraph } from "./layout";
import type { NotificationTemplate } from "./template";

// The e-mails an admin receives: each says what happened and links to the page where it is handled.

export const referralFlagged: NotificationTemplate<"referral_flagged"> = {
  subject: (m) => `Referral #${m.referralId} flagged for review`,
  Email: ({ message: m, frame }) => (
    <NotificationLayout
      frame={frame}
      preview={`${m.referredEmailMasked} (code ${m.code}) needs a review.`}
      heading={`Referral #${m.referralId} needs a review`}
      actionLabel="Review the referral"
    >
      <Paragraph>
        The signup of {m.referredEmailMasked} with code {m.code} was flagged and waits in the review queue.
        Its commission is held until someone approves or rejects it.
      </Paragraph>
      <Facts
        rows={[
          { label: "Referral", value: `#${m.referralId}` },
          { label: "Code", value: m.code },
          { label: "Reasons", value: m.reasons.length ? m.reasons.join(", ") : "—" },
        ]}
      />
    </NotificationLayout>
  ),
};

export const payoutBatchReady: NotificationTemplate<"payout_batch_ready"> = {
  subject: (m) => `Payout batch #${m.batchId} is ready: ${formatMoneyByCurrency(m.totals)}`,
  Email: ({ message: m, frame }) => {
    const totals = formatMoneyByCurrency(m.totals);
    const lines = `${formatPoints(m.lines)} ${m.lines === 1 ? "line" : "lines"}`;
    return (
      <NotificationLayout
        frame={frame}
        preview={`${lines}, ${totals}.`}
        heading={`Payout batch #${m.batchId} is ready`}
        actionLabel="Open the batch"
      >
        <Paragraph>A payout batch was created and is ready to be exported and paid.</Paragraph>
        <Facts
          rows={[
            { label: "Batch", value: `#${m.batchId}` },
            { label: "Lines", value: formatPoints(m.lines) },
            { label: "Totals", value: totals },
          ]}
        />
      </NotificationLayout>
    );
  },
};

export const webhookEndpointDisabled: NotificationTemplate<"webhook_endpoint_disabled"> = {
  subject: (m) => `Webhook endpoint #${m.endpointId} was disabled`,
  Email: ({ message: m, frame }) => (
    <NotificationLayout
      frame={frame}
      preview={`Deliveries to ${m.url} stopped.`}
      heading="A webhook endpoint was disabled"
      actionLabel="Open webhook settings"
    >
      <Paragraph>
        Deliveries to endpoint #{m.endpointId} stopped. Events are no longer sent there until it is enabled
        again.
      </Paragraph>
      <Mono>{m.url}</Mono>
      <Facts rows={[{ label: "Reason", value: m.reason }]} />
    </NotificationLayout>
  ),
};

export const jobFailing: NotificationTemplate<"job_failing"> = {
  subject: (m) => `Background jobs failing: ${m.queue}`,
  Email: ({ message: m, frame }) => (
    <NotificationLayout
      frame={frame}
      preview={`${formatPoints(m.failures)} failures in ${m.queue}.`}
      heading={`Jobs in ${m.queue} are failing`}
      actionLabel="Open the jobs page"
    >
      <Paragraph>
        The queue {m.queue} had {formatPoints(m.failures)} failed {m.failures === 1 ? "job" : "jobs"}. Failed
        jobs are retried; if this keeps happening, check the log.
      </Paragraph>
      {m.lastError ? (
        <>
          <Paragraph>Last error:</Paragraph>
          <Mono>{m.lastError}</Mono>
        </>
      ) : null}
    </NotificationLayout>
  ),
};
