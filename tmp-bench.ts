import { openPostgres } from "@/db/open";
import { setDatabaseHandle } from "@/db/client";
import { getReportPage, getReportTotals } from "@/lib/queries/referral-report";
import { getReportCharts, getTopReferrers } from "@/lib/queries/report-charts";
import { readExportBatches } from "@/lib/queries/referral-export";
import { referralReportSearchSchema, referralReportFiltersSchema } from "@/lib/validation/referral-report";
const h = await openPostgres("postgres://postgres@127.0.0.1:5432/mn_million");
setDatabaseHandle(h);
async function t(label: string, fn: () => Promise<unknown>) {
  await fn();
  const s = performance.now(); await fn(); const ms = performance.now() - s;
  console.log(label.padEnd(48), ms.toFixed(0).padStart(6), "ms");
}
const S = (raw: Record<string, string>) => referralReportSearchSchema.parse(raw);
const F = (raw: Record<string, string>) => referralReportFiltersSchema.parse(raw);
const first = await getReportPage(S({}));
let page = first; for (let i = 0; i < 3; i++) page = await getReportPage(S({ after: page.nextCursor! }));
const last = await getReportPage(S({ before: "end" }));
await t("page 1 (signup date desc)", () => getReportPage(S({})));
await t("page 4 via cursor", () => getReportPage(S({ after: page.nextCursor! })));
await t("last page (before=end)", () => getReportPage(S({ before: "end" })));
await t("page before last", () => getReportPage(S({ before: last.prevCursor! })));
await t("page 1 sorted by commission", () => getReportPage(S({ sort: "commission" })));
await t("page 1, last month + eligible", () => getReportPage(S({ start_date: "2026-10-01", end_date: "2026-10-31", commission_status: "eligible" })));
await t("page 1, status pending", () => getReportPage(S({ commission_status: "pending" })));
await t("page 1, referrer 'big1'", () => getReportPage(S({ referrer: "big1" })));
await t("page 1, flagged + source qr", () => getReportPage(S({ flagged: "1", source: "qr" })));
await t("totals, no filter (1M)", () => getReportTotals(F({})));
await t("totals, one month", () => getReportTotals(F({ start_date: "2026-10-01", end_date: "2026-10-31" })));
await t("totals, referrer 'big1'", () => getReportTotals(F({ referrer: "big1" })));
await t("charts, default 90 days", () => getReportCharts(F({})));
await t("top referrers 30 days", () => getTopReferrers());
const s = performance.now(); let n = 0;
for await (const b of readExportBatches(F({}))) { n += b.length; if (n >= 300000) break; }
const sec = (performance.now() - s) / 1000;
console.log(`export batches: ${n} rows in ${sec.toFixed(1)} s = ${Math.round(n / sec)} rows/s`);
await h.close();
