// The admin referral report's filters: one schema for the /admin table's URL, its totals, the charts'
// date range and GET /api/admin/referral-export. Keys are the seed's snake_case query parameters, so a
// filtered view's URL and its export URL carry the same names.
import { z } from "zod";
import { REFERRAL_SOURCES } from "@/lib/enums";
import { isDefaultColumns, REPORT_COLUMN_IDS, type ReportColumnId } from "@/lib/report-columns";
import { DB_ID_MAX, isCalendarDate, isoTimestamp, text, YEAR_MAX, YEAR_MIN } from "./fields";

/**
 * `all` and `eligible` are the seed's (eligible = `commission_eligible`, i.e. not held back by a fraud
 * flag). The others are ledger states: the referral has at least one *direct* commission row
 * (`commissions.level = 'direct'`, earning or reversal) in that status. A referral can match several
 * (one payment paid, a later one still pending).
 */
export const COMMISSION_STATUS_FILTERS = [
  "all",
  "eligible",
  "paid",
  "pending",
  "approved",
  "reversed",
  "rejected",
] as const;
export type CommissionStatusFilter = (typeof COMMISSION_STATUS_FILTERS)[number];

export const REPORT_SORTS = ["signup_date", "commission"] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];
export const REPORT_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * The report's chosen columns in their order, `columns=signup_date,referred_name,…` (ids of
 * lib/report-columns.ts, each once). Absent: the table shows its default columns and the export the seed's
 * fields.
 */
const columnsParam = z.preprocess(
  blankToUndefined,
  z
    .string()
    .max(400)
    .transform((v) => v.split(",").map((c) => c.trim()))
    .pipe(
      z
        .array(
          z.enum(REPORT_COLUMN_IDS as [ReportColumnId, ...ReportColumnId[]], {
            error: `columns must be a comma-separated list of ${REPORT_COLUMN_IDS.join(", ")}`,
          }),
        )
        .min(1, { error: "columns must name at least one column" })
        .refine((ids) => new Set(ids).size === ids.length, { error: "columns must not repeat a column" }),
    )
    .optional(),
);

/** The table's order, which the export of its view keeps: newest signups first unless the URL says. */
const orderShape = {
  sort: z.preprocess(blankToUndefined, z.enum(REPORT_SORTS).default("signup_date")),
  dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"]).default("desc")),
};
export type ReportOrder = { sort: ReportSort; dir: "asc" | "desc" };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * `2025-07-01` (a whole UTC day) or a full ISO timestamp with its offset, within the field vocabulary's
 * years: `9999-12-31` would roll the exclusive end into year 10000, which PostgreSQL cannot compare.
 */
const dateParam = (name: string) => {
  const instant = isoTimestamp(name);
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .refine((v) => isCalendarDate(v) || (DATE_TIME.test(v) && instant.safeParse(v).success), {
        error: `${name} must be a date (YYYY-MM-DD) or an ISO timestamp, between ${YEAR_MIN} and ${YEAR_MAX}`,
      })
      .optional(),
  );
};

const flagParam = z
  .preprocess(
    (v) => (v === undefined || v === "" ? false : v),
    z.union([z.boolean(), z.enum(["1", "true", "on", "0", "false", "off"])], {
      error: "flagged must be true or false",
    }),
  )
  .transform((v) => v === true || v === "1" || v === "true" || v === "on");

const filterShape = {
  start_date: dateParam("start_date"),
  end_date: dateParam("end_date"),
  commission_status: z.preprocess(
    blankToUndefined,
    z
      .enum(COMMISSION_STATUS_FILTERS, {
        error: `commission_status must be one of ${COMMISSION_STATUS_FILTERS.join(", ")}`,
      })
      .default("all"),
  ),
  campaign: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "campaign must be a campaign id" })
      .int({ error: "campaign must be a campaign id" })
      .positive({ error: "campaign must be a campaign id" })
      .max(DB_ID_MAX, { error: "campaign must be a campaign id" })
      .optional(),
  ),
  // Referrer name, e-mail or one of their codes.
  referrer: z.preprocess(
    blankToUndefined,
    text("referrer", { max: 100, messages: { tooLong: "referrer search is too long" } }).optional(),
  ),
  flagged: flagParam,
  source: z.preprocess(
    blankToUndefined,
    z
      .enum(REFERRAL_SOURCES, {
        error: `source must be one of ${REFERRAL_SOURCES.join(", ")}`,
      })
      .optional(),
  ),
};

type DateRange = { start_date?: string; end_date?: string };
const rangeInOrder = (f: DateRange) =>
  !f.start_date || !f.end_date || dateBounds(f).from!.getTime() < dateBounds(f).toExclusive!.getTime();
const rangeIssue = { error: "start_date must be on or before end_date", path: ["end_date"] };

export const referralReportFiltersSchema = z.object(filterShape).refine(rangeInOrder, rangeIssue);
export type ReferralReportFilters = z.output<typeof referralReportFiltersSchema>;

const instantInRange = isoTimestamp("cursor");

/** A keyset cursor: the sort value of a boundary row and its id (`2025-08-04T15:30:00.123456Z~812`). */
const cursorParam = z.preprocess(
  blankToUndefined,
  z
    .string()
    .max(80)
    // The commission sort's value is bigint cents (15 digits stay exact in a JS number).
    .regex(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z|-?\d{1,15})~\d{1,15}$/, {
      error: "Invalid page cursor",
    })
    // The value reaches PostgreSQL as a timestamp or a bigint: one that cannot be one is refused here.
    .refine(
      (v) => {
        const value = v.split("~")[0];
        return value.includes("T") ? instantInRange.safeParse(value).success : true;
      },
      { error: "Invalid page cursor" },
    )
    .optional(),
);

/** The /admin page's URL: the filters plus sorting and keyset pagination. */
export const referralReportSearchSchema = z
  .object({
    ...filterShape,
    ...orderShape,
    columns: columnsParam,
    size: z.preprocess(
      blankToUndefined,
      z.coerce
        .number()
        .refine((n) => (REPORT_PAGE_SIZES as readonly number[]).includes(n), {
          error: `size must be one of ${REPORT_PAGE_SIZES.join(", ")}`,
        })
        .default(DEFAULT_PAGE_SIZE),
    ),
    // Rows after this cursor (next pages), or before it (previous pages); `before=end` is the last page.
    after: cursorParam,
    before: z.union([z.literal("end"), cursorParam]),
  })
  .refine(rangeInOrder, rangeIssue)
  .refine((s) => !(s.after && s.before), { error: "Use either after or before", path: ["before"] });
export type ReferralReportSearch = z.output<typeof referralReportSearchSchema>;

/**
 * GET /api/admin/referral-export: the seed's parameters (and every table filter) plus the format, and the
 * table's view — its order (`sort`, `dir`, newest first by default like the table) and its `columns`.
 */
export const referralExportQuerySchema = z
  .object({
    ...filterShape,
    ...orderShape,
    columns: columnsParam,
    format: z.preprocess(
      blankToUndefined,
      z.enum(["json", "csv"], { error: "format must be json or csv" }).default("json"),
    ),
  })
  .refine(rangeInOrder, rangeIssue);
export type ReferralExportQuery = z.output<typeof referralExportQuerySchema>;

const DAY_MS = 86_400_000;

/**
 * The half-open range `[from, toExclusive)` the date filters select. A date without a time is a whole
 * UTC day, so `end_date=2025-08-04` includes everything signed up on the 4th.
 */
export function dateBounds(f: DateRange): { from?: Date; toExclusive?: Date } {
  const from = f.start_date
    ? new Date(DATE_ONLY.test(f.start_date) ? `${f.start_date}T00:00:00Z` : f.start_date)
    : undefined;
  let toExclusive: Date | undefined;
  if (f.end_date) {
    toExclusive = DATE_ONLY.test(f.end_date)
      ? new Date(new Date(`${f.end_date}T00:00:00Z`).getTime() + DAY_MS)
      : new Date(new Date(f.end_date).getTime() + 1);
  }
  return { from, toExclusive };
}

/** Just the filters out of a parsed page state (drops sorting and cursors). */
export function pickFilters(s: ReferralReportFilters): ReferralReportFilters {
  return {
    start_date: s.start_date,
    end_date: s.end_date,
    commission_status: s.commission_status,
    campaign: s.campaign,
    referrer: s.referrer,
    flagged: s.flagged,
    source: s.source,
  };
}

type SearchLike = Partial<Omit<ReferralReportSearch, "size" | "columns">> & {
  size?: number;
  format?: string;
  columns?: readonly ReportColumnId[];
};

/**
 * The query string for a report state, without defaults (a shareable, stable link):
 * the inverse of the schemas above.
 */
export function reportQueryString(s: SearchLike): string {
  const params = new URLSearchParams();
  const put = (key: string, value: string | number | undefined | null | false) => {
    if (value === undefined || value === null || value === false || value === "") return;
    params.set(key, String(value));
  };
  put("start_date", s.start_date);
  put("end_date", s.end_date);
  if (s.commission_status && s.commission_status !== "all") put("commission_status", s.commission_status);
  put("campaign", s.campaign);
  put("referrer", s.referrer);
  if (s.flagged) put("flagged", "1");
  put("source", s.source);
  if (s.sort && s.sort !== "signup_date") put("sort", s.sort);
  if (s.dir && s.dir !== "desc") put("dir", s.dir);
  if (s.size && s.size !== DEFAULT_PAGE_SIZE) put("size", s.size);
  if (s.columns && !isDefaultColumns(s.columns)) put("columns", s.columns.join(","));
  put("after", s.after);
  put("before", s.before);
  put("format", s.format);
  return params.toString();
}

/**
 * Parses a page's search params without ever refusing the page: parameters that do not validate are
 * dropped (and named, so the page can say so) and the rest still apply.
 */
export function parseReportSearch(raw: Record<string, string | string[] | undefined>): {
  search: ReferralReportSearch;
  ignored: string[];
} {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (typeof v === "string") flat[key] = v;
  }
  const ignored: string[] = [];
  for (let attempt = 0; attempt < 12; attempt++) {
    const parsed = referralReportSearchSchema.safeParse(flat);
    if (parsed.success) return { search: parsed.data, ignored };
    const keys = new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "")));
    let removed = false;
    for (const key of keys) {
      if (key in flat) {
        delete flat[key];
        ignored.push(key);
        removed = true;
      }
    }
    if (!removed) break;
  }
  return { search: referralReportSearchSchema.parse({}), ignored };
}
