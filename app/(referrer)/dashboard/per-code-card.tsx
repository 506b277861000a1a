import { MoneyByCurrency } from "@/components/commissions/money-by-currency";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { RowHeader, Table, TableBody, TableHead, TableScroll, Td, Th } from "@/components/ui/table";
import { formatPercent } from "@/lib/format";
import type { CodeAnalytics } from "@/lib/queries/referral-analytics";

/** Clicks, signups, conversion and earnings of each of the referrer's codes. */
export function PerCodeCard({ codes }: { codes: CodeAnalytics[] }) {
  return (
    <Card className="mb-8" role="region" aria-labelledby="per-code-title">
      <CardHeader>
        <CardTitle id="per-code-title">How each code performs</CardTitle>
      </CardHeader>
      {/* Scrolls sideways on a phone; focusable so a keyboard can scroll it too. */}
      <TableScroll aria-label="Per-code performance table">
        <Table className="min-w-[40rem] whitespace-nowrap">
          <TableHead unstyled className="bg-ink-50 text-xs text-ink-600 uppercase">
            <tr>
              <Th unstyled className="px-5 py-2">
                Code
              </Th>
              <Th unstyled align="right" className="px-5 py-2">
                Clicks
              </Th>
              <Th unstyled align="right" className="px-5 py-2">
                Signups
              </Th>
              <Th unstyled align="right" className="px-5 py-2">
                Last 7 / 30 days
              </Th>
              <Th unstyled align="right" className="px-5 py-2">
                Conversion
              </Th>
              <Th unstyled align="right" className="px-5 py-2">
                Earned
              </Th>
            </tr>
          </TableHead>
          <TableBody>
            {codes.map((c) => (
              <tr key={c.id}>
                <RowHeader dense className="font-mono text-ink-900">
                  {c.code}
                  {c.code_name ? (
                    <span className="block font-sans text-xs font-normal text-ink-500">{c.code_name}</span>
                  ) : null}
                </RowHeader>
                <Td dense numeric>
                  {c.clicks}
                </Td>
                <Td dense numeric>
                  {c.total_signups}
                </Td>
                <Td dense numeric>
                  {c.signups_last_7_days} / <span data-testid="code-last-30">{c.signups_last_30_days}</span>
                </Td>
                <Td dense numeric>
                  {formatPercent(c.conversion_rate)}
                </Td>
                <Td dense numeric data-testid="code-earned">
                  {/* Every currency the code earned in, one line each (never added together). */}
                  <MoneyByCurrency
                    amounts={c.commission_by_currency.map((a) => ({
                      currency: a.currency,
                      cents: a.amount_cents,
                    }))}
                  />
                </Td>
              </tr>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
    </Card>
  );
}
