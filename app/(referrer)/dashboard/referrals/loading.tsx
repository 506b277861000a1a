import { CardSkeleton, PageHeaderSkeleton } from "@/components/ui/skeleton";

/** My referrals while its list loads (without this, the dashboard's own skeleton would show here). */
export default function MyReferralsLoading() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6" aria-busy="true">
      <PageHeaderSkeleton />
      <CardSkeleton label="Loading your referrals" lines={10} />
    </div>
  );
}
