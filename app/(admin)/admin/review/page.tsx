import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CardEmptyState } from "@/components/ui/card-list";
import { cn } from "@/components/ui/cn";
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
      <nav aria-label="Filter by reason" className="mb-4 flex flex-wrap gap-2">
        {[undefined, ...FRAUD_RULES].map((rule) => {
          const current = rule === reason;
          return (
            <Link
              key={rule ?? "all"}
              href={rule ? `/admin/review?reason=${rule}` : "/admin/review"}
              aria-current={current ? "page" : undefined}
              className={cn(
                "rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset",
                current
                  ? "bg-brand-600 text-white ring-brand-600"
                  : "bg-white text-ink-700 ring-ink-200 hover:bg-ink-50",
              )}
            >
              {rule ? FRAUD_RULE_LABELS[rule] : "All reasons"}
            </Link>
          );
        })}
      </nav>
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
