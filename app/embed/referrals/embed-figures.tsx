import { formatMoney, formatPoints } from "@/lib/format";
import { MONEY_TERMS } from "@/lib/money-states";
import type { EmbedPanelData } from "@/lib/queries/embed-panel";

/** The four figures the dashboard shows for them, with the dashboard's labels. */
export function EmbedFigures({ figures }: { figures: EmbedPanelData["figures"] }) {
  const items = [
    { id: "referrals", label: "Referrals", value: formatPoints(figures.referrals) },
    { id: "on-hold", label: MONEY_TERMS.onHold.label, value: formatMoney(figures.onHoldCents) },
    { id: "paid", label: MONEY_TERMS.paid.label, value: formatMoney(figures.paidCents) },
    { id: "points", label: "Points", value: formatPoints(figures.points) },
  ];
  return (
    <section aria-label="Key figures">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {items.map((item) => (
          <div
            key={item.id}
            data-testid={`embed-figure-${item.id}`}
            className="rounded-lg bg-ink-50 px-3 py-2 ring-1 ring-ink-200"
          >
            <dt className="text-xs font-medium text-ink-600">{item.label}</dt>
            <dd data-figure className="mt-0.5 text-lg font-semibold text-ink-900 tabular-nums">
              {item.value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
