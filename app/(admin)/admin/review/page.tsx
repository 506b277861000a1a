import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { CardEmptyState } from "@/components/ui/card-list";
import { PageHeader } from "@/components/ui/page-header";
import { pageContext } from "@/lib/auth/page-context";
import { formatDate, formatMoney } from "@/lib/format";
import { getReviewQueue, REVIEW_QUEUE_LIMIT } from "@/lib/queries/review-queue";
import { ReviewQueue, type ReviewCard } from "./review-queue";

export const metadata: Metadata = { title: "Review queue" };
export const dynamic = "force-dynamic";

const RULE_LABELS: Record<string, string> = {
  same_ip_as_referrer: "Same IP as referrer",
  same_device_as_referrer: "Same device as referrer",
  ip_velocity: "Many signups from one IP",
  email_alias: "E-mail alias",
  disposable_email: "Disposable e-mail",
};

export default async function AdminReviewPage() {
  const { db } = await pageContext("/admin/review", "admin");
  const queue = await getReviewQueue(db);

  // Only plain data goes to the browser: the queue comes masked (e-mails, device), the referrer's address
  // is never shown (only whether it matches), the new client's own signup address is the evidence.
  const cards: ReviewCard[] = queue.map((r) => ({
    id: r.id,
    code: r.codeUsed,
    signedUpOn: formatDate(r.usedAt),
    heldCommission: r.heldCents ? formatMoney(r.heldCents) : null,
    reasons: r.fraudFlags.map((f) => ({ label: RULE_LABELS[f.rule] ?? f.rule, reason: f.reason })),
    referred: {
      name: r.referredName,
      email: r.referredEmailMasked,
      ip: r.signupIp ?? "Not recorded",
      device: r.deviceTail ?? "Not recorded",
      userAgent: r.signupUserAgent ?? "Not recorded",
      joinedOn: formatDate(r.referredJoinedAt),
    },
    referrer: r.referrerName
      ? {
          name: r.referrerName,
          email: r.referrerEmailMasked,
          // The flag compared them at signup; this compares with the referrer's latest sign-in.
          ip: r.sameIp
            ? "Same as the new client"
            : r.referrerHasIp
              ? "Differs from the latest sign-in"
              : "Not recorded",
          sameIp: r.sameIp,
          device: r.sameDevice
            ? "Same as the new client"
            : r.referrerHasDevice
              ? "Differs from the latest sign-in"
              : "Not recorded",
          sameDevice: r.sameDevice,
          joinedOn: formatDate(r.referrerJoinedAt),
        }
      : null,
  }));

  return (
    <div className="page-container">
      <PageHeader
        title="Review queue"
        description="Flagged referrals waiting for a decision. Approving releases their held commissions and points; rejecting rejects them for good."
      />
      {cards.length ? (
        <>
          {cards.length === REVIEW_QUEUE_LIMIT ? (
            <p className="mb-4 text-sm text-ink-500">
              Showing the oldest {REVIEW_QUEUE_LIMIT}; decide these to see more.
            </p>
          ) : null}
          <ReviewQueue cards={cards} />
        </>
      ) : (
        <Card>
          <CardEmptyState
            headingLevel="h2"
            title="Nothing to review"
            text="No flagged referral is waiting for a decision."
          />
        </Card>
      )}
    </div>
  );
}
