import { BarListChart } from "@/components/charts/bar-list-chart";
import { chartColors } from "@/components/charts/chart-theme";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { getSignupsBySource } from "@/lib/queries/referral-analytics";

const SOURCES: Record<string, string> = {
  link: "Link",
  email: "E-mail",
  sms: "SMS",
  whatsapp: "WhatsApp",
  qr: "QR",
  social: "Social",
  manual: "Typed code",
  api: "API",
};

/** Which channel brought each signup, all time. */
export function SignupsBySourceCard({
  bySource,
}: {
  bySource: Awaited<ReturnType<typeof getSignupsBySource>>;
}) {
  return (
    <Card role="region" aria-labelledby="source-title">
      <CardHeader>
        <CardTitle id="source-title">Signups by source</CardTitle>
        <CardDescription>Which channel brought each signup, all time.</CardDescription>
      </CardHeader>
      <CardBody>
        {bySource.length ? (
          <BarListChart
            valueLabel="Signups"
            color={chartColors.accent}
            data={bySource.map((s) => ({ label: SOURCES[s.source] ?? s.source, value: s.signups }))}
          />
        ) : (
          <EmptyState
            headingLevel="h4"
            className="py-8"
            title="No signups yet"
            text="Share your link by WhatsApp, SMS, e-mail or QR: each channel gets its own bar."
          />
        )}
      </CardBody>
    </Card>
  );
}
