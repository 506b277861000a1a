import type { Metadata } from "next";
import Link from "next/link";
import { BadgeMedal } from "@/components/rewards/badge-medal";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CardEmptyState } from "@/components/ui/card-list";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { TermHint } from "@/components/ui/term-hint";
import { pageContext } from "@/lib/auth/page-context";
import { formatDate } from "@/lib/format";
import { shortBoardNote } from "@/lib/leaderboard-note";
import { LAST_30_DAYS, windowExplanation } from "@/lib/time-windows";
import { maskName } from "@/lib/privacy/mask";
import { getLeaderboard, getLeaderboardOptIn, type LeaderboardEntry } from "@/lib/queries/leaderboard";
import { leaderboardPageSchema, type LeaderboardPeriod } from "@/lib/validation/leaderboard";
import { OptInForm } from "./opt-in-form";

export const metadata: Metadata = { title: "Leaderboard" };
export const dynamic = "force-dynamic";

const LIMIT = 10;
const periods: { value: LeaderboardPeriod; label: string }[] = [
  { value: "30d", label: "Last 30 days" },
  { value: "all", label: "All time" },
];

function Row({ entry }: { entry: LeaderboardEntry }) {
  return (
    <li
      className={cn("flex items-center gap-3 px-5 py-3 sm:gap-4", entry.isViewer && "bg-brand-50/70")}
      aria-current={entry.isViewer ? "true" : undefined}
    >
      <span
        className={cn(
          "flex size-8 shrink-0 items-center justify-center rounded-full text-sm font-semibold tabular-nums",
          entry.rank === 1
            ? "bg-yellow-100 text-yellow-900"
            : entry.rank === 2
              ? "bg-ink-200 text-ink-800"
              : entry.rank === 3
                ? "bg-orange-100 text-orange-900"
                : "bg-ink-100 text-ink-600",
        )}
      >
        <span className="sr-only">Rank </span>
        {entry.rank}
      </span>
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-ink-900">
          <span className="truncate">{entry.displayName}</span>
          {entry.isViewer ? (
            <span className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white">
              You
            </span>
          ) : null}
          {entry.badge ? <BadgeMedal badge={entry.badge} /> : null}
        </p>
      </div>
      <p className="shrink-0 text-right">
        <span
          className="block text-base font-semibold text-ink-900 tabular-nums"
          data-testid={entry.isViewer ? "viewer-count" : undefined}
        >
          {entry.referrals}
        </span>
        <span className="text-xs text-ink-500">referrals</span>
      </p>
    </li>
  );
}

export default async function LeaderboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const { db, readDb, user } = await pageContext("/leaderboard");
  const { period } = leaderboardPageSchema.parse(await searchParams);
  const isClient = user.role === "client";
  // The board may lag a moment (replica); the viewer's own opt-in, just changed by the form, may not.
  const [board, optIn] = await Promise.all([
    getLeaderboard(readDb, { period, limit: LIMIT, viewerId: isClient ? user.id : null }),
    getLeaderboardOptIn(db, user.id),
  ]);

  const shortNote = shortBoardNote(board.entries.length, LIMIT, period);

  return (
    <div className="page-container">
      <PageHeader
        title="Leaderboard"
        description="Top referrers by referrals. Names stay masked unless the referrer chooses to show theirs."
      />

      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <Card role="region" aria-labelledby="board-heading">
          <CardHeader className="flex-row flex-wrap items-center justify-between gap-3">
            <CardTitle id="board-heading">Top {LIMIT}</CardTitle>
            <nav aria-label="Period" className="flex rounded-lg bg-ink-100 p-1">
              {periods.map((p) => (
                <Link
                  key={p.value}
                  href={`/leaderboard?period=${p.value}`}
                  aria-current={p.value === period ? "page" : undefined}
                  className={cn(
                    "rounded-md px-3 py-1.5 text-sm font-medium transition-colors",
                    p.value === period
                      ? "bg-white text-ink-900 shadow-sm"
                      : "text-ink-600 hover:text-ink-900",
                  )}
                >
                  {p.label}
                </Link>
              ))}
            </nav>
          </CardHeader>
          {period === "30d" ? (
            <p className="px-5 pb-1 text-xs text-ink-500">
              Counted from {formatDate(board.since)} to today (UTC days){" "}
              <TermHint term={`Last ${LAST_30_DAYS} days`} explanation={windowExplanation(LAST_30_DAYS)} />
            </p>
          ) : null}
          {shortNote ? (
            <p className="px-5 pt-1 pb-3 text-sm text-ink-600" data-testid="short-board-note">
              {shortNote}
            </p>
          ) : null}
          {board.entries.length ? (
            <ol className="divide-y divide-ink-100" data-testid="leaderboard-rows">
              {board.entries.map((entry) => (
                <Row key={entry.rank} entry={entry} />
              ))}
              {board.viewer ? (
                <>
                  <li aria-hidden="true" className="px-5 py-1 text-center text-ink-400">
                    ⋯
                  </li>
                  <Row entry={board.viewer} />
                </>
              ) : null}
            </ol>
          ) : (
            <CardEmptyState
              title={period === "30d" ? "No referrals in the last 30 days yet" : "No referrals yet"}
              text="The first referrer to bring a client takes the top spot."
              action={
                isClient ? <ButtonLink href="/dashboard">Share your invite link</ButtonLink> : undefined
              }
            />
          )}
          <p className="border-t border-ink-100 px-5 py-3 text-xs text-ink-500">
            Every referral counts except those in review or rejected (the qualified count on your dashboard,
            which sets your tier, also needs a payment). Ties go to whoever got there first.
          </p>
        </Card>

        {isClient ? (
          <div className="flex flex-col gap-6">
            <Card>
              <CardHeader>
                <CardTitle>Your name on the board</CardTitle>
                <CardDescription>Off by default: others see your initials.</CardDescription>
              </CardHeader>
              <CardBody>
                <OptInForm optIn={optIn} name={user.name} maskedName={maskName(user.name)} />
              </CardBody>
            </Card>
            {!board.entries.some((e) => e.isViewer) && !board.viewer ? (
              <Card>
                <CardBody>
                  <p className="text-sm text-ink-700">
                    You are not on the board {period === "30d" ? `in the last ${LAST_30_DAYS} days` : ""} yet.
                    Your next referral puts you on it.
                  </p>
                  <ButtonLink href="/dashboard" variant="secondary" size="sm" className="mt-3">
                    Get your invite link
                  </ButtonLink>
                </CardBody>
              </Card>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
