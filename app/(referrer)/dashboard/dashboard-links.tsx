import Link from "next/link";
import { formatMoney, formatPoints } from "@/lib/format";

/** The overview's way into the other dashboard pages, each with the one line that says what is there. */
export function DashboardLinks({
  codes,
  referrals,
  earnedCents,
  points,
}: {
  codes: number;
  referrals: number;
  /** Commission earned, all time and every level: the Earnings page's "Earned". */
  earnedCents: number;
  points: number;
}) {
  const links = [
    {
      href: "/dashboard/codes",
      title: "Codes & sharing",
      text: `${codes} ${codes === 1 ? "code" : "codes"}, QR codes, e-mail invites, how each code performs`,
    },
    {
      href: "/dashboard/referrals",
      title: "Referrals",
      text: `${formatPoints(referrals)} ${referrals === 1 ? "person" : "people"}, their status and where they came from`,
    },
    {
      href: "/dashboard/earnings",
      title: "Earnings",
      text: `${formatMoney(earnedCents)} earned; commission by month and your monthly report`,
    },
    {
      href: "/dashboard/rewards",
      title: "Rewards",
      text: `${formatPoints(points)} points; badges, offers and what to redeem`,
    },
  ];
  return (
    <section aria-labelledby="more-title">
      <h2 id="more-title" className="sr-only">
        More in your dashboard
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              className="group flex h-full flex-col rounded-card border border-ink-200 bg-white px-5 py-4 shadow-card transition-colors hover:border-brand-300 hover:bg-brand-50/40"
            >
              <span className="font-medium text-ink-900 group-hover:text-brand-700">
                {link.title} <span aria-hidden="true">→</span>
              </span>
              <span className="mt-1 text-sm text-ink-600">{link.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
