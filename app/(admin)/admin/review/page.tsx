import type { Metadata } from "next";
import { FilterLinks } from "@/components/ui/filter-links";
import { Card } from "@/components/ui/card";
import { CardEmptyState } from "@/components/ui/card-list";
import { PageHeader } from "@/components/ui/page-header";
import { pageContext } from "@/lib/auth/page-context";
import { getReviewQueue, REVIEW_QUEUE_LIMIT } from "@/lib/queries/review-queue";
import { FRAUD_RULE_LABELS, FRAUD_RULES } from "@/lib/referrals/fraud-rules";
import { reviewQueueSearchSchema } from "@/lib/validation/referral-review";
import { ReviewQueue } from "./review-queue";
import { reviewCard } from "./review-evidence";

export const metadata: Metadata = { title: "Review queue" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminReviewPage({ searchParams }: Props) {
  const { db } = await pageContext("/admin/review", "admin");
  const raw = await searchParams;
  const { reason } = reviewQueueSearchSchema.parse({
    reason: Array.isArray(raw.reason) ? raw.reason[0] : raw.reason,
  });
  // Only plain, masked data goes to the browser (see getReviewQueue).
  const cards = (await getReviewQueue(db, { reason })).map(reviewCard);

  return (
    <div className="page-container">
      <PageHeader
        title="Review queue"
        description="Flagged referrals waiting for a decision, oldest first. Approving releases their held commissions and points; rejecting rejects them for good."
      />
      <FilterLinks
        label="Filter by reason"
        links={[undefined, ...FRAUD_RULES].map((rule) => ({
          label: rule ? FRAUD_RULE_LABELS[rule] : "All reasons",
          href: rule ? `/admin/review?reason=${rule}` : "/admin/review",
          current: rule === reason,
        }))}
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
            title={reason ? `No “${FRAUD_RULE_LABELS[reason]}” referral to review` : "Nothing to review"}
            text={
              reason
                ? "Choose All reasons to see the rest of the queue."
                : "No flagged referral is waiting for a decision."
            }
          />
        </Card>
      )}
    </div>
  );
}
