import { openPostgres } from "@/db/open";
import { setDatabaseHandle } from "@/db/client";
import { getReportCharts } from "@/lib/queries/report-charts";
import { referralReportFiltersSchema } from "@/lib/validation/referral-report";
const h = await openPostgres("postgres://postgres@127.0.0.1:5432/mn_million");
setDatabaseHandle(h);
const F = (raw: Record<string, string>) => referralReportFiltersSchema.parse(raw);
for (let i = 0; i < 3; i++) { const s = performance.now(); await getReportCharts(F({})); console.log("charts", (performance.now() - s).toFixed(0)); }
for (let i = 0; i < 2; i++) { const s = performance.now(); await getReportCharts(F({start_date: "2026-10-01", end_date: "2026-10-31"})); console.log("charts month", (performance.now() - s).toFixed(0)); }
await h.close();
