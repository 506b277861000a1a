import { cn } from "@/components/ui/cn";
import { formatDate, formatPoints } from "@/lib/format";
import type { PointsDebt } from "@/lib/queries/points-debt";

/**
 * Points taken back after they were spent (a client's payment refunded or charged back): how much is owed,
 * why, and that the next points earned pay it first. Nothing when there is no debt.
 */
export function PointsDebtNotice({ debt, className }: { debt: PointsDebt; className?: string }) {
  if (debt.debtPoints === 0) return null;
  return (
    <div
      role="note"
      aria-labelledby="points-debt-heading"
      data-testid="points-debt"
      className={cn("rounded-lg border border-amber-200 bg-amber-50 px-4 py-3", className)}
    >
      <p id="points-debt-heading" className="text-sm font-semibold text-amber-900">
        Points debt: {formatPoints(debt.debtPoints)}
      </p>
      <p className="mt-0.5 text-xs text-amber-800">
        Points taken back after you had spent them. The next points you earn pay this off first.
      </p>
      <ul className="mt-2 space-y-1.5">
        {debt.debts.map((d) => (
          <li key={d.id} className="text-xs break-words text-amber-900">
            <span className="font-medium">{d.reason}</span>
            <span className="text-amber-800">
              {" · "}
              {formatDate(d.createdAt)}
              {" · "}
              {formatPoints(d.owedPoints)} still owed
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
