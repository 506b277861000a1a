// `npx tsx --conditions=react-server bench/export.ts`: the admin referral export, in process, against
// `COPY (the same SELECT) TO STDOUT` on the same database in the same run. PostgreSQL only (COPY):
// BENCH_DATABASE_URL names an already seeded database (`npm run db:seed -- --referrals 1000000`);
// the bench only reads it (plus the export's audit rows).
//
// Figures per run: rows/s, the ratio to COPY's rows/s, time to the first byte and to the first row,
// and the process's peak RSS growth over the export (sampled every 20 ms).
import type { Readable } from "node:stream";
import postgres from "postgres";
import { openPostgres } from "@/db/open";
import { startReferralExport } from "@/lib/exports/referral-export";
import { referralExportQuerySchema } from "@/lib/validation/referral-report";

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error("Set BENCH_DATABASE_URL to a seeded PostgreSQL database");
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const query = process.env.BENCH_QUERY ?? ""; // extra filters, e.g. "commission_status=eligible"

// The request's statement timeout, as the server runs it.
const handle = await openPostgres(url, { max: 10, statementTimeoutMs: 15_000 });
const raw = postgres(url, { max: 1, onnotice: () => {} });

// The export's rows as one statement: every referral, its two users and the referred user's latest tier.
const copySelect = `
  SELECT l.id, to_char(l.used_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS signup_date,
         l.code_used, l.signup_ip, l.source, l.is_flagged, l.commission_eligible, l.commission_paid,
         l.commission_amount_cents, r.email, r.name, d.email, d.name, tier.name
    FROM referral_usage_log l
    JOIN users d ON d.id = l.referred_user_id
    LEFT JOIN users r ON r.id = l.referrer_user_id
    LEFT JOIN (
      SELECT DISTINCT ON (s.user_id) s.user_id, t.name
        FROM subscriptions s JOIN subscription_tiers t ON t.id = s.tier_id
       ORDER BY s.user_id, s.created_at DESC, s.id DESC
    ) tier ON tier.user_id = l.referred_user_id
   ORDER BY l.used_at, l.id`;

type Figure = {
  rows: number;
  bytes: number;
  seconds: number;
  firstByteMs: number;
  firstRowMs: number;
  rssMb: number;
};

async function copyRun(): Promise<Figure> {
  // The baseline at its fastest: the socket never paused, each chunk only counted.
  const started = performance.now();
  const stream = (await raw.unsafe(`COPY (${copySelect}) TO STDOUT (FORMAT csv)`).readable()) as Readable;
  let bytes = 0;
  let rows = 0;
  let firstByteMs = 0;
  await new Promise<void>((resolve, reject) => {
    stream.on("data", (chunk: Buffer) => {
      if (!bytes) firstByteMs = performance.now() - started;
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
    });
    stream.once("end", resolve).once("error", reject);
  });
  const seconds = (performance.now() - started) / 1000;
  return { rows, bytes, seconds, firstByteMs, firstRowMs: firstByteMs, rssMb: 0 };
}

async function exportRun(format: "csv" | "json"): Promise<Figure> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const result = await startReferralExport(
    handle.db,
    referralExportQuerySchema.parse({ ...Object.fromEntries(new URLSearchParams(query)), format }),
    { actorUserId: null },
  );
  const reader = result.body.getReader();
  let bytes = 0;
  let firstByteMs = 0;
  let firstRowMs = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!bytes) firstByteMs = performance.now() - started;
    else if (!firstRowMs) firstRowMs = performance.now() - started;
    bytes += value.byteLength;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return { rows: result.total, bytes, seconds, firstByteMs, firstRowMs, rssMb: (peak - base) / 2 ** 20 };
}

const line = (name: string, f: Figure, copy?: Figure) =>
  console.log(
    `${name.padEnd(5)} ${String(f.rows).padStart(8)} rows ${(f.bytes / 2 ** 20).toFixed(0).padStart(4)} MB ` +
      `${f.seconds.toFixed(2).padStart(6)} s ${String(Math.round(f.rows / f.seconds)).padStart(7)} rows/s` +
      (copy
        ? `  ${((f.rows / f.seconds / (copy.rows / copy.seconds)) * 100).toFixed(0).padStart(3)}% of COPY`
        : "") +
      `  first byte ${f.firstByteMs.toFixed(0)} ms, first row ${f.firstRowMs.toFixed(0)} ms` +
      (copy ? `, RSS +${f.rssMb.toFixed(0)} MB` : ""),
  );

try {
  const [{ load }] = await raw`SELECT to_char(now(), 'HH24:MI:SS') AS load`;
  console.log(`export bench at ${load} UTC, ${rounds} rounds${query ? `, filter ${query}` : ""}`);
  for (let round = 0; round < rounds; round++) {
    const copy = await copyRun();
    line("COPY", copy);
    line("csv", await exportRun("csv"), copy);
    line("json", await exportRun("json"), copy);
  }
} finally {
  await raw.end();
  await handle.close();
}
