import type { CSSProperties } from "react";
import type { Metadata } from "next";
import { EmbedHeightReporter } from "@/components/embed/embed-height-reporter";
import { ReferralStatusBadge } from "@/components/referrals/referral-status-badge";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { appOrigin } from "@/lib/app-url";
import { embedAllowedOrigins } from "@/lib/edge/embed-origins.mjs";
import { embedPageContext } from "@/lib/embed/embed-page-context";
import { embedThemeVariables } from "@/lib/embed/embed-theme";
import { loadEmbedPanel } from "@/lib/queries/embed-panel";
import { embedPanelQuerySchema } from "@/lib/validation/embed";
import { EmbedCreateCode } from "./embed-create-code";
import { EmbedFigures } from "./embed-figures";
import { EmbedInvite } from "./embed-invite";

export const metadata: Metadata = { title: "Your referrals", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The embeddable referral panel (issue 16 part 3), framed by MuseNest's own app for one signed-in client:
 * the invite link (copy, share, QR), the dashboard's key figures, the latest referrals (masked) and the
 * offer, in the panel's own minimal layout. The token in the URL is its only credential; see README
 * "Embedding the referral panel".
 */
export default async function EmbedReferralsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const raw = await searchParams;
  const query = embedPanelQuerySchema.parse({
    token: first(raw.token),
    theme: first(raw.theme),
    accent: first(raw.accent),
  });
  const { db, grant } = await embedPageContext(query.token);
  const now = new Date();
  const [data, origin] = await Promise.all([loadEmbedPanel(db, grant.userId, now), appOrigin()]);
  const style = embedThemeVariables(query.theme, query.accent) as CSSProperties;

  return (
    <main
      id="embed-panel"
      data-theme={query.theme}
      style={style}
      className={cn("p-2", query.theme === "dark" && "[color-scheme:dark]")}
    >
      <Card className="flex flex-col gap-4 p-4 sm:p-5">
        <EmbedInvite
          code={data.code}
          origin={origin}
          referrerName={grant.name}
          offer={data.newClientOffer}
          now={now}
        />
        <EmbedFigures figures={data.figures} />
        <section aria-labelledby="embed-latest">
          <h2 id="embed-latest" className="text-sm font-semibold text-ink-900">
            Latest referrals
          </h2>
          {data.latest.length ? (
            <ul className="mt-2 divide-y divide-ink-100" data-testid="embed-latest">
              {data.latest.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2">
                  <span className="min-w-0 truncate text-sm text-ink-800">{r.maskedEmail}</span>
                  <span className="flex items-center gap-2 text-xs text-ink-500">
                    <time dateTime={r.referredAt.toISOString()}>
                      {r.referredAt.toLocaleDateString("en-US", {
                        month: "short",
                        day: "numeric",
                        timeZone: "UTC",
                      })}
                    </time>
                    <ReferralStatusBadge status={r.status} />
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-ink-600">
              No referrals yet. Share your link: friends who sign up with it appear here.
            </p>
          )}
        </section>
        <EmbedCreateCode token={query.token ?? ""} open={data.code === null} />
        <p className="text-xs text-ink-500">MuseNest Referrals</p>
      </Card>
      <EmbedHeightReporter targetId="embed-panel" origins={embedAllowedOrigins()} />
    </main>
  );
}
