// The report opens with its answer: the period's key figures, each with its change against the period of
// the same length before it ("Signups 76, +12% vs previous 30 days").
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { formatMoney, formatMoneyByCurrency, formatPercent } from "@/lib/format";
import { relativeChange, type ReportKeyFigures } from "@/lib/queries/report-key-figures";

const DAY_MS = 86_400_000;
const rangeLabel = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** `[from, toExclusive)` as "Nov 4, 2026 – Dec 3, 2026" (the last day shown is the one before the end). */
export function periodText(p: { from: string; toExclusive: string }): string {
  const last = new Date(new Date(p.toExclusive).getTime() - 1);
  return `${rangeLabel.format(new Date(p.from))} – ${rangeLabel.format(last)}`;
}

/** "previous 30 days", or, for a period that isn't whole days, "the previous period of the same length". */
function previousName(p: { from: string; toExclusive: string }): string {
  const days = (Date.parse(p.toExclusive) - Date.parse(p.from)) / DAY_MS;
  if (!Number.isInteger(days)) return "the previous period of the same length";
  return days === 1 ? "the previous day" : `previous ${days} days`;
}

/** A ratio as a signed whole percentage: 0.1176 → "+12%", −0.085 → "−9%" (rounded half away from zero). */
export function formatChange(ratio: number): string {
  const percent = Math.round(Math.abs(ratio) * 100);
  if (percent === 0) return "±0%";
  return `${ratio > 0 ? "+" : "−"}${percent}%`;
}

type Figure = {
  id: string;
  label: string;
  value: string;
  /** The change as words, and whether it went up, down or nowhere (for the colour, which only repeats it). */
  change: { text: string; trend: "up" | "down" | "flat" };
  previous: string;
  /** Amounts in other currencies, shown under the usd value (never added to it). */
  others?: string;
};

function countChange(current: number, previous: number, against: string): Figure["change"] {
  const ratio = relativeChange(current, previous);
  if (ratio === null) {
    return current
      ? { text: `new — none in ${against}`, trend: "up" }
      : { text: `none in ${against} either`, trend: "flat" };
  }
  return {
    text: `${formatChange(ratio)} vs ${against}`,
    trend: Math.round(Math.abs(ratio) * 100) === 0 ? "flat" : ratio > 0 ? "up" : "down",
  };
}

function pointsChange(current: number | null, previous: number | null, against: string): Figure["change"] {
  if (current === null || previous === null)
    return { text: `no clicks to compare in ${against}`, trend: "flat" };
  const points = Math.round((current - previous) * 1000) / 10;
  if (points === 0) return { text: `±0 pts vs ${against}`, trend: "flat" };
  return {
    text: `${points > 0 ? "+" : "−"}${Math.abs(points).toFixed(1)} pts vs ${against}`,
    trend: points > 0 ? "up" : "down",
  };
}

const conversion = (f: { clicks: number; signups: number }) => (f.clicks ? f.signups / f.clicks : null);
const count = (n: number) => n.toLocaleString("en-US");

export function ReportKeyFigures({
  figures,
  awaitingReview,
}: {
  figures: ReportKeyFigures;
  awaitingReview: number;
}) {
  const { current: c, previous: p } = figures;
  const against = previousName(figures.period);
  const list: Figure[] = [
    {
      id: "signups",
      label: "Signups",
      value: count(c.signups),
      change: countChange(c.signups, p.signups, against),
      previous: count(p.signups),
    },
    {
      id: "clicks",
      label: "Link clicks",
      value: count(c.clicks),
      change: countChange(c.clicks, p.clicks, against),
      previous: count(p.clicks),
    },
    {
      id: "conversion",
      label: "Click → signup",
      value: formatPercent(conversion(c)),
      change: pointsChange(conversion(c), conversion(p), against),
      previous: formatPercent(conversion(p)),
    },
    {
      id: "paying",
      label: "Paying clients",
      value: count(c.payingClients),
      change: countChange(c.payingClients, p.payingClients, against),
      previous: count(p.payingClients),
    },
    {
      id: "commission",
      label: "Commissions earned",
      value: formatMoney(c.commissionCents),
      // The change compares usd with usd; the other currencies are listed, not converted or added.
      change: countChange(c.commissionCents, p.commissionCents, against),
      previous: formatMoney(p.commissionCents),
      others: c.otherCommissions.length ? formatMoneyByCurrency(c.otherCommissions) : undefined,
    },
  ];

  return (
    <section aria-labelledby="key-figures-title" className="mb-8">
      <div className="mb-3 flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between">
        <h2 id="key-figures-title" className="text-lg font-semibold text-ink-900">
          {figures.period.defaulted ? "Last 30 days" : "The period"}
          <span className="ml-2 text-sm font-normal text-ink-500" data-testid="report-period">
            {periodText(figures.period)} (UTC)
          </span>
        </h2>
        <p className="text-sm text-ink-500">
          Compared with {periodText(figures.previousPeriod)} · follows the filters
          {awaitingReview ? (
            <>
              {" · "}
              <a href="/admin/review" className="font-medium text-brand-700 hover:underline">
                {count(awaitingReview)} awaiting review
              </a>
            </>
          ) : null}
        </p>
      </div>
      <ul className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-5">
        {list.map((f) => (
          <li key={f.id} className={cn(f.id === "signups" && "col-span-2 md:col-span-1")}>
            <Card className="h-full px-4 py-3" data-testid="key-figure" data-figure={f.id}>
              <p className="text-sm font-medium text-ink-600">{f.label}</p>
              <p
                className="mt-0.5 text-2xl font-semibold tracking-tight text-ink-900 tabular-nums"
                data-testid="key-figure-value"
              >
                {f.value}
              </p>
              {f.others ? (
                <p
                  className="text-sm font-medium text-ink-700 tabular-nums"
                  data-testid="key-figure-other-currencies"
                >
                  + {f.others}
                </p>
              ) : null}
              <p
                className={cn(
                  "mt-1 text-xs font-medium",
                  f.change.trend === "up" && "text-emerald-700",
                  f.change.trend === "down" && "text-red-700",
                  f.change.trend === "flat" && "text-ink-500",
                )}
                data-testid="key-figure-change"
                title={`${f.previous} in ${periodText(figures.previousPeriod)}`}
              >
                <span aria-hidden="true">
                  {f.change.trend === "up" ? "▲ " : f.change.trend === "down" ? "▼ " : ""}
                </span>
                {f.change.text}
              </p>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
