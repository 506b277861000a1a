import { openPostgres } from "@/db/open";
import { setDatabaseHandle } from "@/db/client";
import { readExportBatches } from "@/lib/queries/referral-export";
import { referralReportFiltersSchema } from "@/lib/validation/referral-report";
const h = await openPostgres("postgres://postgres@127.0.0.1:5432/mn_explain");
setDatabaseHandle(h);
let t = performance.now(); const t0 = t; let n = 0;
for await (const b of readExportBatches(referralReportFiltersSchema.parse({}))) {
  n += b.length; const now = performance.now();
  if (n % 20000 === 0) console.log(n, (now - t).toFixed(0) + "ms");
  t = now;
}
console.log("total", n, ((performance.now() - t0)/1000).toFixed(1), "s");
await h.close();
