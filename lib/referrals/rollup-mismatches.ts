// Every counter and rollup kept by the triggers of db/migrations/0010_referral_rollups.sql (and 0011, 0012, 0014, 0036, 0040), side by side
// with a recount of the raw rows it summarises. Empty when they agree — the invariant the rollup tests
// hold after random histories, and what an operator can run against a live database to check it.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { col, rowsAs } from "@/db/rows";
import type { DbOrTx } from "@/db/types";

export type RollupMismatch = { rollup: string; key: string; kept: string; recount: string };

const LEDGER_COLUMNS = [
  "commission_mask",
  "ledger_on_hold_cents",
  "ledger_approved_cents",
  "ledger_paid_cents",
  "ledger_reversed_cents",
  "ledger_rejected_cents",
  "paying",
] as const;
// paying is a boolean: compared as 0/1 like the numbers.
const LEDGER_INTS = LEDGER_COLUMNS.map((c) => (c === "paying" ? "paying::int AS paying" : c)).join(", ");
const REPORT_MEASURES = [
  "referrals",
  "commission_paid",
  "paying",
  "net_cents",
  "on_hold_cents",
  "approved_cents",
  "paid_cents",
  "reversed_cents",
  "rejected_cents",
] as const;

type Rollup = { name: string; keys: string[]; values: string[]; kept: string; recount: string };

/** Each rollup: its name (a table, or table.column), key and value columns, the kept rows and their recount. */
export const ROLLUPS: Rollup[] = [
  {
    name: "referrer_stats",
    keys: ["user_id"],
    values: ["referrals", "counted_referrals", "qualified_referrals"],
    kept: `SELECT user_id, referrals, counted_referrals, qualified_referrals FROM referrer_stats`,
    recount: `SELECT referrer_user_id AS user_id, count(*) AS referrals,
                     count(*) FILTER (WHERE referral_is_counted(review_status)) AS counted_referrals,
                     count(*) FILTER (WHERE referral_is_qualified(review_status, net_paid_cents)) AS qualified_referrals
                FROM referral_usage_log WHERE referrer_user_id IS NOT NULL GROUP BY 1`,
  },
  // The leaderboard's (0033): counted referrals and the latest of them, per referrer and per referrer-day;
  // and (0037) those on the days of the kept 30-day window, whatever day it starts on.
  {
    name: "referrer_counted",
    keys: ["referrer_user_id"],
    values: ["referrals", "last_us", "recent"],
    kept: `SELECT referrer_user_id, referrals, last_us, recent FROM referrer_counted`,
    recount: `SELECT referrer_user_id, count(*) AS referrals, max(epoch_us(used_at)) AS last_us,
                     count(*) FILTER (WHERE (used_at AT TIME ZONE 'UTC')::date >= (SELECT first_day FROM leaderboard_window)) AS recent
                FROM referral_usage_log WHERE referrer_user_id IS NOT NULL AND referral_is_counted(review_status)
               GROUP BY 1`,
  },
  // Who is on the board (0037): the referrers with a counted referral who are active clients (1 each).
  // A column, set again by rebuildRollups from users.
  {
    name: "referrer_counted.listed",
    keys: ["referrer_user_id"],
    values: ["listed"],
    kept: `SELECT referrer_user_id, 1 AS listed FROM referrer_counted WHERE listed AND referrals > 0`,
    recount: `SELECT l.referrer_user_id, 1 AS listed
                FROM referral_usage_log l JOIN users u ON u.id = l.referrer_user_id
               WHERE referral_is_counted(l.review_status) AND u.status = 'active' AND u.role = 'client'
               GROUP BY 1`,
  },
  {
    name: "referrer_counted_daily",
    keys: ["referrer_user_id", "day"],
    values: ["referrals", "last_us"],
    kept: `SELECT referrer_user_id, day, referrals, last_us FROM referrer_counted_daily`,
    recount: `SELECT referrer_user_id, (used_at AT TIME ZONE 'UTC')::date AS day, count(*) AS referrals,
                     max(epoch_us(used_at)) AS last_us
                FROM referral_usage_log WHERE referrer_user_id IS NOT NULL AND referral_is_counted(review_status)
               GROUP BY 1, 2`,
  },
  // The monthly summary's points (0035): non-void credits per user and UTC day.
  {
    name: "points_earned_daily",
    keys: ["user_id", "day"],
    values: ["points"],
    kept: `SELECT user_id, day, points FROM points_earned_daily`,
    recount: `SELECT user_id, (created_at AT TIME ZONE 'UTC')::date AS day, sum(delta_points) AS points
                FROM points_ledger WHERE delta_points > 0 AND status <> 'void' GROUP BY 1, 2`,
  },
  {
    name: "referral_usage_log.net_paid_cents",
    keys: ["id"],
    values: ["net_paid_cents"],
    kept: `SELECT id, net_paid_cents FROM referral_usage_log`,
    recount: `SELECT l.id, sum(CASE WHEN p.type = 'payment' THEN p.amount_cents ELSE -p.amount_cents END) AS net_paid_cents
                FROM referral_usage_log l JOIN payments p ON p.user_id = l.referred_user_id GROUP BY 1`,
  },
  {
    name: "referral_code_stats",
    keys: ["referral_code_id"],
    values: ["clicks", "signups", "qualified"],
    kept: `SELECT referral_code_id, clicks, signups, qualified FROM referral_code_stats`,
    // Grouped (not a subquery per code): one pass over clicks and referrals, also at a million rows.
    recount: `SELECT referral_code_id, sum(clicks) AS clicks, sum(signups) AS signups, sum(qualified) AS qualified
                FROM (SELECT referral_code_id, count(*) AS clicks, 0 AS signups, 0 AS qualified
                        FROM referral_clicks WHERE referral_code_id IS NOT NULL GROUP BY 1
                      UNION ALL
                      SELECT referral_code_id, 0, count(*),
                             count(*) FILTER (WHERE referral_is_qualified(review_status, net_paid_cents))
                        FROM referral_usage_log WHERE referral_code_id IS NOT NULL GROUP BY 1) e
               GROUP BY 1`,
  },
  {
    name: "referral_code_daily",
    keys: ["referral_code_id", "day"],
    values: ["clicks", "signups"],
    kept: `SELECT referral_code_id, day, clicks, signups FROM referral_code_daily`,
    recount: `SELECT referral_code_id, day, sum(clicks) AS clicks, sum(signups) AS signups
                FROM (SELECT referral_code_id, (clicked_at AT TIME ZONE 'UTC')::date AS day, 1 AS clicks, 0 AS signups
                        FROM referral_clicks
                      UNION ALL
                      SELECT referral_code_id, (used_at AT TIME ZONE 'UTC')::date, 0, 1
                        FROM referral_usage_log WHERE referral_code_id IS NOT NULL) e
               GROUP BY 1, 2`,
  },
  {
    name: "referrer_source_stats",
    keys: ["referrer_user_id", "source"],
    values: ["signups"],
    kept: `SELECT referrer_user_id, source, signups FROM referrer_source_stats`,
    recount: `SELECT referrer_user_id, source, count(*) AS signups
                FROM referral_usage_log WHERE referrer_user_id IS NOT NULL GROUP BY 1, 2`,
  },
  {
    name: "commission_totals",
    keys: ["beneficiary_user_id", "level", "status", "referral_code_id"],
    values: ["amount_cents", "entries"],
    kept: `SELECT beneficiary_user_id, level, status, referral_code_id, amount_cents, entries FROM commission_totals`,
    recount: `SELECT c.beneficiary_user_id, c.level, c.status, coalesce(l.referral_code_id, 0) AS referral_code_id,
                     sum(c.amount_cents) AS amount_cents, count(*) AS entries
                FROM commissions c LEFT JOIN referral_usage_log l ON l.id = c.referral_id
               WHERE c.currency = 'usd' GROUP BY 1, 2, 3, 4`,
  },
  {
    name: "commission_in_review",
    keys: ["beneficiary_user_id"],
    values: ["amount_cents", "entries"],
    kept: `SELECT beneficiary_user_id, amount_cents, entries FROM commission_in_review`,
    recount: `SELECT c.beneficiary_user_id, sum(c.amount_cents) AS amount_cents, count(*) AS entries
                FROM commissions c JOIN referral_usage_log l ON l.id = c.referral_id
               WHERE c.status = 'pending' AND NOT l.commission_eligible AND c.currency = 'usd' GROUP BY 1`,
  },
  {
    name: "commission_reversed",
    keys: ["beneficiary_user_id"],
    values: ["amount_cents", "entries"],
    kept: `SELECT beneficiary_user_id, amount_cents, entries FROM commission_reversed`,
    recount: `SELECT beneficiary_user_id, sum(amount_cents) AS amount_cents, count(*) AS entries
                FROM commissions WHERE kind = 'reversal' AND status <> 'rejected' AND currency = 'usd' GROUP BY 1`,
  },
  {
    name: "commission_daily",
    keys: ["beneficiary_user_id", "level", "status", "day"],
    values: ["amount_cents", "entries"],
    kept: `SELECT beneficiary_user_id, level, status, day, amount_cents, entries FROM commission_daily`,
    recount: `SELECT beneficiary_user_id, level, status, (created_at AT TIME ZONE 'UTC')::date AS day,
                     sum(amount_cents) AS amount_cents, count(*) AS entries
                FROM commissions WHERE currency = 'usd' GROUP BY 1, 2, 3, 4`,
  },
  {
    // Every currency's balances (0027); the usd-keyed rollups above see usd rows only.
    name: "commission_currency_totals",
    keys: ["beneficiary_user_id", "currency", "status"],
    values: ["amount_cents", "entries"],
    kept: `SELECT beneficiary_user_id, currency, status, amount_cents, entries FROM commission_currency_totals`,
    recount: `SELECT beneficiary_user_id, currency, status, sum(amount_cents) AS amount_cents, count(*) AS entries
                FROM commissions GROUP BY 1, 2, 3`,
  },
  // A referrer's own commissions in the other currencies (0040), by day and by code: the monthly report's
  // and the analytics' per-code money beside commission_daily and commission_totals' usd.
  {
    name: "commission_currency_daily",
    keys: ["beneficiary_user_id", "day", "currency", "level", "status"],
    values: ["amount_cents", "entries"],
    kept: `SELECT beneficiary_user_id, day, currency, level, status, amount_cents, entries FROM commission_currency_daily`,
    recount: `SELECT beneficiary_user_id, (created_at AT TIME ZONE 'UTC')::date AS day, currency, level, status,
                     sum(amount_cents) AS amount_cents, count(*) AS entries
                FROM commissions WHERE currency <> 'usd' GROUP BY 1, 2, 3, 4, 5`,
  },
  {
    name: "commission_currency_code_totals",
    keys: ["beneficiary_user_id", "level", "referral_code_id", "currency", "status"],
    values: ["amount_cents", "entries"],
    kept: `SELECT beneficiary_user_id, level, referral_code_id, currency, status, amount_cents, entries
             FROM commission_currency_code_totals`,
    recount: `SELECT c.beneficiary_user_id, c.level, coalesce(l.referral_code_id, 0) AS referral_code_id, c.currency,
                     c.status, sum(c.amount_cents) AS amount_cents, count(*) AS entries
                FROM commissions c LEFT JOIN referral_usage_log l ON l.id = c.referral_id
               WHERE c.currency <> 'usd' GROUP BY 1, 2, 3, 4, 5`,
  },
  // Notifications queued per recipient per UTC day (0034), the daily cap's counter; capped ones don't count.
  {
    name: "notification_daily_counts",
    keys: ["user_id", "day"],
    values: ["messages"],
    kept: `SELECT user_id, day, messages FROM notification_daily_counts`,
    recount: `SELECT user_id, (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS messages
                FROM notification_outbox WHERE status <> 'capped' GROUP BY 1, 2`,
  },
];

/**
 * The counters and rollups of 0012 (admin reports, own-referral totals): compared like the others, but
 * rebuilt after a bulk load by the migration's own report_fill(), which loads them from the same recount
 * views these entries read.
 */
export const REPORT_ROLLUPS: Rollup[] = [
  {
    name: "referrer_stats own referrals",
    keys: ["user_id"],
    values: ["in_review", "rejected", "commission_cents", "points_available", "points_pending"],
    kept: `SELECT user_id, in_review, rejected, commission_cents, points_available, points_pending FROM referrer_stats`,
    recount: `SELECT user_id, sum(in_review) AS in_review, sum(rejected) AS rejected, sum(cents) AS commission_cents,
                     sum(available) AS points_available, sum(pending) AS points_pending
                FROM (SELECT referrer_user_id AS user_id, (review_status = 'pending')::int AS in_review,
                             (review_status = 'rejected')::int AS rejected, commission_amount_cents AS cents,
                             0 AS available, 0 AS pending
                        FROM referral_usage_log WHERE referrer_user_id IS NOT NULL
                      UNION ALL
                      SELECT p.user_id, 0, 0, 0, CASE WHEN p.status = 'available' THEN p.delta_points - p.debt_points ELSE 0 END,
                             CASE WHEN p.status = 'pending' THEN p.delta_points ELSE 0 END
                        FROM points_ledger p JOIN referral_usage_log l
                          ON l.id = p.referral_id AND l.referrer_user_id = p.user_id) e
               GROUP BY 1`,
  },
  {
    name: "program_counters.pending_review",
    keys: ["k"],
    values: ["pending_review"],
    kept: `SELECT 1 AS k, sum(pending_review) AS pending_review FROM program_counters`,
    recount: `SELECT 1 AS k, count(*) AS pending_review FROM referral_usage_log
               WHERE is_flagged AND review_status = 'pending'`,
  },
  // The admin reports' rollups (0012): each compared with its recount view, defined once in the migration.
  {
    name: "referral_usage_log ledger",
    keys: ["id"],
    values: [...LEDGER_COLUMNS],
    kept: `SELECT id, ${LEDGER_INTS} FROM referral_usage_log`,
    recount: `SELECT id, ${LEDGER_INTS} FROM referral_ledger_recount`,
  },
  ...(
    [
      [
        "report_daily",
        ["day", "source", "is_flagged", "commission_eligible", "commission_mask"],
        REPORT_MEASURES,
      ],
      [
        "report_code_daily",
        [
          "referrer_user_id",
          "referral_code_id",
          "day",
          "source",
          "is_flagged",
          "commission_eligible",
          "commission_mask",
        ],
        REPORT_MEASURES,
      ],
      [
        "earned_daily",
        ["day", "with_referral", "source", "is_flagged", "commission_eligible", "commission_mask"],
        ["cents"],
      ],
      [
        "earned_code_daily",
        [
          "referrer_user_id",
          "referral_code_id",
          "day",
          "source",
          "is_flagged",
          "commission_eligible",
          "commission_mask",
        ],
        ["cents"],
      ],
      ["click_daily", ["day", "source"], ["clicks"]],
      ["click_code_daily", ["referral_code_id", "day", "source"], ["clicks"]],
    ] as const
  ).map(([name, keys, values]) => ({
    name,
    keys: [...keys],
    values: [...values],
    // Summed per key: the report and earned rollups keep one row per writer's slot (0014), and only
    // their sum over slots is the figure the recount must equal.
    kept: `SELECT ${keys.join(", ")}, ${values.map((v) => `sum(${v})::bigint AS ${v}`).join(", ")}
             FROM ${name} GROUP BY ${keys.join(", ")}`,
    recount: `SELECT * FROM ${name}_recount`,
  })),
];

const CURRENCY_BUCKETS = [
  "on_hold_cents",
  "approved_cents",
  "paid_cents",
  "reversed_cents",
  "rejected_cents",
];

/**
 * The other currencies' companions of the report rollups (0036): non-usd direct commissions per referral
 * and per referrer, and the report and earned rollups with a currency in their key. Keyed by the
 * referral's commission_mask, so rebuilt after report_fill (their currency_rollups_fill loads them from
 * these recount views).
 */
export const CURRENCY_ROLLUPS: Rollup[] = (
  [
    ["referral_currency_ledger", ["referral_id", "currency"], CURRENCY_BUCKETS],
    ["referrer_currency_stats", ["user_id", "currency"], CURRENCY_BUCKETS],
    [
      "report_currency_daily",
      [
        "currency",
        "referrer_user_id",
        "referral_code_id",
        "day",
        "source",
        "is_flagged",
        "commission_eligible",
        "commission_mask",
      ],
      CURRENCY_BUCKETS,
    ],
    [
      "earned_currency_daily",
      [
        "currency",
        "with_referral",
        "referrer_user_id",
        "referral_code_id",
        "day",
        "source",
        "is_flagged",
        "commission_eligible",
        "commission_mask",
      ],
      ["cents"],
    ],
  ] as const
).map(([name, keys, values]) => ({
  name,
  keys: [...keys],
  values: [...values],
  kept: `SELECT ${[...keys, ...values].join(", ")} FROM ${name}`,
  recount: `SELECT * FROM ${name}_recount`,
}));

/** Kept vs recounted, joined on the key; a missing row on either side counts as zeros. */
function compare(r: Rollup): SQL {
  const key = (side: string) => `concat_ws('/', ${r.keys.map((k) => `${side}.${k}`).join(", ")})`;
  const values = (side: string) => `ROW(${r.values.map((v) => `coalesce(${side}.${v}, 0)`).join(", ")})`;
  const on = r.keys.map((k) => `k.${k} = n.${k}`).join(" AND ");
  return sql.raw(`
    SELECT '${r.name}' AS rollup, coalesce(nullif(${key("k")}, ''), ${key("n")}) AS key,
           ${values("k")}::text AS kept, ${values("n")}::text AS recount
      FROM (${r.kept}) k FULL JOIN (${r.recount}) n ON ${on}
     WHERE ${values("k")} IS DISTINCT FROM ${values("n")}`);
}

export async function findRollupMismatches(db: DbOrTx): Promise<RollupMismatch[]> {
  const out: RollupMismatch[] = [];
  for (const rollup of [...ROLLUPS, ...REPORT_ROLLUPS, ...CURRENCY_ROLLUPS]) {
    out.push(
      ...rowsAs(
        await db.execute(compare(rollup)),
        z.object({ rollup: col.text, key: col.text, kept: col.text, recount: col.text }),
      ),
    );
  }
  return out;
}
