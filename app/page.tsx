import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { publicPageContext } from "@/lib/auth/page-context";
import { homeFor } from "@/lib/auth/session";
import { getProgramTerms } from "@/lib/queries/program-terms";
import type { Badge as BadgeKind } from "@/lib/rewards/rules";

// The program's figures come from the rules that pay (getProgramTerms), so this page never promises a rate,
// reward or badge an admin has since changed. Only the badge colours live here.
const badgeStyle: Record<BadgeKind, string> = {
  bronze: "bg-orange-100 text-orange-800 ring-orange-300",
  silver: "bg-ink-100 text-ink-700 ring-ink-300",
  gold: "bg-yellow-100 text-yellow-800 ring-yellow-300",
};

const listOf = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

// The hold is the setting commissions are earned with (getProgramTerms reads the same one).
const adminFeatures = (holdDays: number) => [
  {
    title: "Campaigns and reward rules",
    text: "Run a Holiday 2025 campaign at 20%, set flat or tiered rates, bonuses, point schedules, offers and milestones.",
    icon: "M10.34 15.84c-.688-.06-1.386-.09-2.09-.09H7.5a4.5 4.5 0 1 1 0-9h.75c.704 0 1.402-.03 2.09-.09m0 9.18c.253.962.584 1.892.985 2.783.247.55.06 1.21-.463 1.511l-.657.38c-.551.318-1.26.117-1.527-.461a20.845 20.845 0 0 1-1.44-4.282m3.102.069a18.03 18.03 0 0 1-.59-4.59c0-1.586.205-3.124.59-4.59m0 9.18a23.848 23.848 0 0 1 8.835 2.535M10.34 6.66a23.847 23.847 0 0 0 8.835-2.535m0 0A23.74 23.74 0 0 0 18.795 3m.38 1.125a23.91 23.91 0 0 1 1.014 5.395m-1.014 8.855c-.118.38-.245.754-.38 1.125m.38-1.125a23.91 23.91 0 0 0 1.014-5.395m0-3.46c.495.413.811 1.035.811 1.73 0 .695-.316 1.317-.811 1.73m0-3.46a24.347 24.347 0 0 1 0 3.46",
  },
  {
    title: "Fraud review",
    text: "Self-referrals are refused. Shared IPs or devices, signup bursts and disposable e-mails are flagged and held until you decide.",
    icon: "M9 12.75 11.25 15 15 9.75m-3-7.036A11.959 11.959 0 0 1 3.598 6 11.99 11.99 0 0 0 3 9.749c0 5.592 3.824 10.29 9 11.623 5.176-1.332 9-6.03 9-11.622 0-1.31-.21-2.571-.598-3.751h-.152c-3.196 0-6.1-1.248-8.25-3.285Z",
  },
  {
    title: "Approvals and payouts",
    text: `Commissions wait out a ${holdDays}-day hold, then you approve and pay them in batches. Refunds and chargebacks reverse them.`,
    icon: "M2.25 18.75a60.07 60.07 0 0 1 15.797 2.101c.727.198 1.453-.342 1.453-1.096V18.75M3.75 4.5v.75A.75.75 0 0 1 3 6h-.75m0 0v-.375c0-.621.504-1.125 1.125-1.125H20.25M2.25 6v9m18-10.5v.75c0 .414.336.75.75.75h.75m-1.5-1.5h.375c.621 0 1.125.504 1.125 1.125v9.75c0 .621-.504 1.125-1.125 1.125h-.375m1.5-1.5H21a.75.75 0 0 0-.75.75v.75m0 0H3.75m0 0h-.375a1.125 1.125 0 0 1-1.125-1.125V15m1.5 1.5v-.75A.75.75 0 0 0 3 15h-.75M15 10.5a3 3 0 1 1-6 0 3 3 0 0 1 6 0Zm3 0h.008v.008H18V10.5Zm-12 0h.008v.008H6V10.5Z",
  },
  {
    title: "Reports and exports",
    text: "Filter every referral by date and commission status, share the view as a link, and export exactly those rows as CSV or JSON.",
    icon: "M3 13.125C3 12.504 3.504 12 4.125 12h2.25c.621 0 1.125.504 1.125 1.125v6.75C7.5 20.496 6.996 21 6.375 21h-2.25A1.125 1.125 0 0 1 3 19.875v-6.75ZM9.75 8.625c0-.621.504-1.125 1.125-1.125h2.25c.621 0 1.125.504 1.125 1.125v11.25c0 .621-.504 1.125-1.125 1.125h-2.25a1.125 1.125 0 0 1-1.125-1.125V8.625ZM16.5 4.125c0-.621.504-1.125 1.125-1.125h2.25C20.496 3 21 3.504 21 4.125v15.75c0 .621-.504 1.125-1.125 1.125h-2.25a1.125 1.125 0 0 1-1.125-1.125V4.125Z",
  },
];

// Reads the program's rules and the session on every request (never prerendered at build).
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const { db, user } = await publicPageContext();
  const terms = await getProgramTerms(db, new Date());
  const [baseTier, ...higherTiers] = terms.commissionTiers;
  const home = user ? homeFor(user.role) : null;

  return (
    <>
      <section className="relative overflow-hidden border-b border-ink-200 bg-white">
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-0 bg-[radial-gradient(60rem_30rem_at_85%_-10%,var(--color-brand-100),transparent_70%)]"
        />
        <div className="page-width relative grid items-center gap-12 py-16 sm:py-20 lg:grid-cols-[1.15fr_1fr] lg:py-24">
          <div>
            <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">
              MuseNest referral program
            </p>
            <h1 className="mt-3 text-4xl font-bold tracking-tight text-balance text-ink-950 sm:text-5xl">
              Share MuseNest, earn on every client you bring
            </h1>
            <p className="mt-5 max-w-xl text-lg text-pretty text-ink-600">
              Get your own referral code and invite link the moment you join. Watch clicks turn into signups
              and commissions, collect points and badges, and trade points for rewards.
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              {home ? (
                <ButtonLink href={home} size="lg">
                  Open your dashboard
                </ButtonLink>
              ) : (
                <>
                  <ButtonLink href="/signup" size="lg">
                    Get your referral code
                  </ButtonLink>
                  <ButtonLink href="/login" size="lg" variant="secondary">
                    I already have an account
                  </ButtonLink>
                </>
              )}
            </div>
            <p className="mt-4 text-sm text-ink-500">
              Free to join · your code is ready at signup · every click tracked
            </p>
          </div>
          <ExampleDashboard />
        </div>
      </section>

      <section id="how" aria-labelledby="how-title" className="page-width py-16 sm:py-20">
        <SectionHeading
          id="how-title"
          eyebrow="How it works"
          title="Three steps from a shared link to money earned"
        />
        <ol className="mt-10 grid gap-6 md:grid-cols-3">
          <Step n={1} title="Share your code or link">
            Every client gets a code at signup, like <Code>MAYA2025</Code>, and an invite link. Make more for
            each campaign and share them by WhatsApp, SMS, e-mail or QR code.
          </Step>
          <Step n={2} title="They sign up with it">
            Your link fills the code in for them and it is checked live as they type. Codes forgive typos:{" "}
            <Code>maya-2o25</Code> is the same code as <Code>MAYA2025</Code>.
          </Step>
          <Step n={3} title="You both earn">
            You earn {baseTier.rate} commission on their payments
            {higherTiers.length
              ? `, more at ${listOf(higherTiers.map((t) => String(t.fromReferrals)))} referrals`
              : ""}
            {terms.referrerPoints ? `, plus +${terms.referrerPoints} points per referral` : ""}.
            {terms.newClientPoints ? ` They start with +${terms.newClientPoints} points.` : ""}
            {terms.milestones.length
              ? ` Badges unlock at ${listOf(terms.milestones.map((m) => String(m.referrals)))} referrals.`
              : ""}
          </Step>
        </ol>

        <div className="mt-12 grid gap-6 lg:grid-cols-3">
          <Panel title="Commission grows with you">
            <dl className="divide-y divide-ink-100">
              {terms.commissionTiers.map((tier) => (
                <div key={tier.fromReferrals} className="flex items-center justify-between py-2.5 text-sm">
                  <dt className="text-ink-600">
                    {tier.fromReferrals === 1 ? "First referral" : `${tier.fromReferrals}+ referrals`}
                  </dt>
                  <dd className="font-semibold text-ink-900 tabular-nums">{tier.rate} of payments</dd>
                </div>
              ))}
            </dl>
            <p className="mt-3 text-xs text-ink-500">
              Commissions are held {terms.holdDays} days, then approved and paid. Refunds within the hold
              reverse them.
            </p>
          </Panel>
          <Panel title="Points buy rewards">
            <dl className="divide-y divide-ink-100">
              {terms.catalog.map((r) => (
                <div key={r.name} className="flex items-center justify-between py-2.5 text-sm">
                  <dt className="font-semibold text-ink-900 tabular-nums">
                    {r.costPoints.toLocaleString("en-US")} points
                  </dt>
                  <dd className="text-ink-600">{r.name}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-3 text-xs text-ink-500">
              Each redemption gives you a unique coupon code.
              {terms.pointsExpireDays ? ` Points last ${terms.pointsExpireDays} days.` : ""}
            </p>
          </Panel>
          <Panel title="Badges and the leaderboard">
            <ul className="flex flex-wrap gap-2">
              {terms.milestones.map((m) => (
                <li
                  key={m.badge}
                  className={`rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset ${badgeStyle[m.badge]}`}
                >
                  {m.badgeName} · {m.referrals} referrals
                </li>
              ))}
            </ul>
            <p className="mt-4 text-sm text-ink-600">
              Milestones unlock badges and bonuses. Climb the leaderboard of top referrers; your name stays
              masked unless you choose to show it.
            </p>
          </Panel>
        </div>
      </section>

      <section aria-labelledby="admins-title" className="border-y border-ink-200 bg-white">
        <div className="page-width py-16 sm:py-20">
          <SectionHeading
            id="admins-title"
            eyebrow="For program admins"
            title="Everything to run the program, in one place"
          />
          <ul className="mt-10 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
            {adminFeatures(terms.holdDays).map((f) => (
              <li key={f.title} className="rounded-card border border-ink-200 bg-ink-50 p-5">
                <span
                  aria-hidden="true"
                  className="flex size-10 items-center justify-center rounded-lg bg-brand-600 text-white"
                >
                  <svg
                    viewBox="0 0 24 24"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="1.6"
                    className="size-5"
                  >
                    <path strokeLinecap="round" strokeLinejoin="round" d={f.icon} />
                  </svg>
                </span>
                <h3 className="mt-4 font-semibold text-ink-900">{f.title}</h3>
                <p className="mt-1.5 text-sm text-ink-600">{f.text}</p>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section aria-labelledby="cta-title" className="page-width py-16 sm:py-20">
        <div className="flex flex-col items-start gap-6 rounded-card bg-brand-900 px-6 py-10 text-white sm:px-10 md:flex-row md:items-center md:justify-between">
          <div>
            <h2 id="cta-title" className="text-2xl font-semibold tracking-tight">
              {user ? "Your next referral is one link away" : "Your code is waiting"}
            </h2>
            <p className="mt-2 max-w-xl text-brand-100">
              {user
                ? "Copy your link, share it where your clients are, and watch it work."
                : "Join in a minute. Your referral code and invite link are ready as soon as you sign up."}
            </p>
          </div>
          <ButtonLink
            href={home ?? "/signup"}
            size="lg"
            variant="secondary"
            className="border-transparent text-brand-900 hover:bg-brand-50"
          >
            {user ? (user.role === "admin" ? "Go to reports" : "Share your code") : "Start referring"}
          </ButtonLink>
        </div>
      </section>
    </>
  );
}

function SectionHeading({ id, eyebrow, title }: { id: string; eyebrow: string; title: string }) {
  return (
    <div className="max-w-2xl">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{eyebrow}</p>
      <h2 id={id} className="mt-2 text-3xl font-bold tracking-tight text-balance text-ink-950">
        {title}
      </h2>
    </div>
  );
}

function Step({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <li className="rounded-card border border-ink-200 bg-white p-6 shadow-card">
      <span className="flex size-9 items-center justify-center rounded-full bg-brand-50 text-sm font-bold text-brand-700 ring-1 ring-brand-200">
        <span className="sr-only">Step </span>
        {n}
      </span>
      <h3 className="mt-4 text-lg font-semibold text-ink-900">{title}</h3>
      <p className="mt-2 text-sm leading-6 text-ink-600">{children}</p>
    </li>
  );
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="rounded-card border border-ink-200 bg-white p-6 shadow-card">
      <h3 className="mb-3 font-semibold text-ink-900">{title}</h3>
      {children}
    </div>
  );
}

function Code({ children }: { children: ReactNode }) {
  return (
    <code className="rounded bg-ink-100 px-1.5 py-0.5 font-mono text-[0.85em] font-medium text-ink-800">
      {children}
    </code>
  );
}

/** An illustration of the referrer dashboard; the numbers are made up and labelled so. */
function ExampleDashboard() {
  const stats = [
    { label: "Clicks", value: "248" },
    { label: "Signups", value: "31" },
    { label: "Earned", value: "$412.80" },
  ];
  return (
    <figure className="relative mx-auto w-full max-w-md">
      <div className="rounded-2xl border border-ink-200 bg-white p-5 shadow-xl shadow-brand-900/10">
        <div className="flex items-center justify-between">
          <p className="text-sm font-medium text-ink-500">Your referral code</p>
          <Badge tone="success">Active</Badge>
        </div>
        <p className="mt-2 font-mono text-3xl font-bold tracking-wider text-ink-950">MAYA-2025</p>
        <p className="mt-1 truncate font-mono text-xs text-ink-500">musenest.example/r/MAYA2025</p>
        <dl className="mt-5 grid grid-cols-3 gap-3">
          {stats.map((s) => (
            <div key={s.label} className="rounded-lg bg-ink-50 px-3 py-2.5">
              <dt className="text-xs text-ink-500">{s.label}</dt>
              <dd className="mt-0.5 text-lg font-semibold text-ink-900 tabular-nums">{s.value}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-5 flex items-center justify-between rounded-lg border border-brand-100 bg-brand-50 px-3 py-2.5">
          <p className="text-sm text-brand-900">
            <span className="font-semibold tabular-nums">1,550</span> points
          </p>
          <p className="text-xs font-medium text-brand-800">Silver badge · 19 to Gold</p>
        </div>
      </div>
      <figcaption className="mt-3 text-center text-xs text-ink-500">Example referrer dashboard</figcaption>
    </figure>
  );
}
