import { CardSkeleton, Skeleton } from "@/components/ui/skeleton";

/** My referrals while its list loads (without this, the dashboard's own skeleton would show here). */
export default function MyReferralsLoading() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6" aria-busy="true">
      <div className="mb-8">
        <Skeleton className="h-8 w-56" />
        <Skeleton className="mt-3 h-4 w-80 max-w-full" />
      </div>
      <CardSkeleton label="Loading your referrals" lines={10} />
    </div>
  );
}
