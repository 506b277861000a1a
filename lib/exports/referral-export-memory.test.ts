// The export streams: 100,000 generated referrals go out as CSV while the process holds about one batch.
// Measured, not assumed: retained heap (after forced GCs) is sampled through the download and must stay
// under a ceiling far below what buffering the file or its rows would take.
import v8 from "node:v8";
import vm from "node:vm";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { referralCodes, users } from "@/db/schema";
import { generateReferrals } from "@/seed/seed";
import { useTestDatabase } from "@/testing/use-test-database";
import { startReferralExport } from "./referral-export";
import { referralExportQuerySchema } from "@/lib/validation/referral-report";

const ROWS = 100_000;
const MB = 1024 * 1024;
// Buffering 100k rows would hold ~22 MB of CSV text plus ~100 MB of row objects; one 2,000-row batch
// is a few MB. The ceiling leaves room for V8's and the driver's own churn, not for the export's size.
const RETAINED_HEAP_CEILING_MB = 24;

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const testDb = useTestDatabase();

describe("streaming CSV export of 100,000 referrals", () => {
  it("keeps retained memory flat while streaming every row", { timeout: 600_000 }, async () => {
    const db = testDb.db;
    const emails = ["big1@example.com", "big2@example.com", "big3@example.com"];
    for (const [i, email] of emails.entries()) {
      const [u] = await db
        .insert(users)
        .values({ email, normalizedEmail: email, name: `Big Referrer ${i}`, passwordHash: "x" })
        .returning({ id: users.id });
      await db
        .insert(referralCodes)
        .values({ clientId: u.id, code: `BIGREF${i + 2}`, canonicalCode: `B1GREF${i + 2}` });
    }
    const seedStart = performance.now();
    await generateReferrals(db, { count: ROWS, referrerEmails: emails, passwordHash: "x", days: 365 });
    const seedSeconds = (performance.now() - seedStart) / 1000;
    // What autovacuum does after a bulk load: without statistics PostgreSQL plans (and JIT-compiles)
    // every batch as if the tables were unknown.
    await db.execute(sql`ANALYZE`);

    gc();
    const base = process.memoryUsage();
    const started = performance.now();
    const result = await startReferralExport(testDb.db, referralExportQuerySchema.parse({ format: "csv" }), {
      actorUserId: null,
    });
    expect(result.total).toBe(ROWS);

    const reader = result.body.getReader();
    const decoder = new TextDecoder();
    let bytes = 0;
    let lines = 0;
    let chunks = 0;
    let maxRetained = 0;
    let maxHeap = 0;
    let maxRss = 0;
    const retainedAt: number[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      // Generated names hold no line breaks, so CRLFs count the records exactly.
      lines += decoder.decode(value, { stream: true }).split("\r\n").length - 1;
      chunks++;
      const now = process.memoryUsage();
      maxHeap = Math.max(maxHeap, now.heapUsed - base.heapUsed);
      maxRss = Math.max(maxRss, now.rss - base.rss);
      if (chunks % 5 === 0) {
        gc();
        const retained = process.memoryUsage().heapUsed - base.heapUsed;
        retainedAt.push(retained);
        maxRetained = Math.max(maxRetained, retained);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    expect(lines).toBe(ROWS + 1); // header + every row

    const mb = (n: number) => (n / MB).toFixed(1);
    console.log(
      `[export memory] ${testDb.kind}: ${ROWS} rows, ${mb(bytes)} MB CSV in ${seconds.toFixed(1)} s ` +
        `= ${Math.round(ROWS / seconds)} rows/s; retained heap growth max ${mb(maxRetained)} MB ` +
        `(samples ${retainedAt.map(mb).join(", ")}), peak heap growth ${mb(maxHeap)} MB, ` +
        `peak RSS growth ${mb(maxRss)} MB; generating the rows took ${seedSeconds.toFixed(1)} s`,
    );
    expect(bytes).toBeGreaterThan(10 * MB);
    expect(maxRetained).toBeLessThan(RETAINED_HEAP_CEILING_MB * MB);
    // Flat, not growing: the last samples retain no more than the first ones plus a batch's worth.
    const early = Math.max(...retainedAt.slice(0, 3));
    const late = Math.max(...retainedAt.slice(-3));
    expect(late - early).toBeLessThan(8 * MB);
  });
});
