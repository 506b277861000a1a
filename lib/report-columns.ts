// The admin report's columns: one list for the /admin table (which columns show, in which order, kept in
// the URL as `columns=`) and for the export of that view (the same columns in the same order, headed by
// the same labels). Each id is the export's field name, so the table, the CSV header and the JSON keys
// name one thing once. Shared by the browser (the table) and the server (the export), so no server code.
import type { reviewStatus } from "@/db/schema/enums";
import { COMMISSION_STATUS_BIT } from "@/lib/commissions/commission-status-bit";

export const REPORT_COLUMNS = [
  { id: "signup_date", label: "Signed up" },
  { id: "referred_name", label: "Referred client" },
  { id: "referred_email", label: "Referred e-mail" },
  { id: "referrer_name", label: "Referrer" },
  { id: "referrer_email", label: "Referrer e-mail" },
  { id: "referral_code", label: "Code" },
  { id: "campaign", label: "Campaign" },
  { id: "source", label: "Source" },
  { id: "review", label: "Review" },
  { id: "commission_amount", label: "Commission" },
  { id: "commission_other_currencies", label: "Other currencies" },
  { id: "commission_status", label: "Commission status" },
  { id: "commission_paid", label: "Paid in full" },
] as const;

export type ReportColumnId = (typeof REPORT_COLUMNS)[number]["id"];
export const REPORT_COLUMN_IDS = REPORT_COLUMNS.map((c) => c.id) as readonly ReportColumnId[];

/**
 * What the table shows when the URL chooses nothing: e-mails, the seed's paid flag and the other currencies
 * on their own are a click away (the Commission column lists every currency, so the table fits 1280 px).
 */
export const DEFAULT_REPORT_COLUMNS: readonly ReportColumnId[] = [
  "signup_date",
  "referred_name",
  "referrer_name",
  "referral_code",
  "campaign",
  "source",
  "review",
  "commission_amount",
  "commission_status",
];

export const reportColumnLabel = (id: ReportColumnId): string =>
  REPORT_COLUMNS.find((c) => c.id === id)!.label;

export const isReportColumnId = (id: string): id is ReportColumnId =>
  (REPORT_COLUMN_IDS as readonly string[]).includes(id);

/** Whether a choice is the default one (then the URL leaves `columns` out). */
export const isDefaultColumns = (ids: readonly ReportColumnId[]): boolean =>
  ids.length === DEFAULT_REPORT_COLUMNS.length && ids.every((id, i) => id === DEFAULT_REPORT_COLUMNS[i]);

// The money states' names (SPEC: On hold, Approved, Paid, Reversed, and Rejected for fraud), in the order
// of their bits in `commission_mask`. The SQL twin is `commissionStatusLabelSql` in referral-export.ts;
// referral-export-equivalence.test.ts holds the two equal.
export const COMMISSION_STATUS_LABELS = [
  [COMMISSION_STATUS_BIT.pending, "On hold"],
  [COMMISSION_STATUS_BIT.approved, "Approved"],
  [COMMISSION_STATUS_BIT.paid, "Paid"],
  [COMMISSION_STATUS_BIT.reversed, "Reversed"],
  [COMMISSION_STATUS_BIT.rejected, "Rejected"],
] as const;
export const NO_COMMISSION_LABEL = "None yet";

/** The states a referral's direct commissions are in, in words ("On hold, Paid"), from its mask. */
export function commissionStatusLabel(mask: number): string {
  const names = COMMISSION_STATUS_LABELS.filter(([bit]) => (mask & bit) !== 0).map(([, name]) => name);
  return names.length ? names.join(", ") : NO_COMMISSION_LABEL;
}

type ReviewStatus = (typeof reviewStatus.enumValues)[number];

/** A referral's fraud review in words; the SQL twin is `reviewLabelSql` in referral-export.ts. */
export function reviewLabel(r: {
  isFlagged: boolean;
  reviewStatus: ReviewStatus | string;
  commissionEligible: boolean;
}): string {
  if (!r.isFlagged) return r.commissionEligible ? "Clean" : "Not eligible";
  if (r.reviewStatus === "approved") return "Flagged · approved";
  if (r.reviewStatus === "rejected") return "Flagged · rejected";
  return "Flagged · in review";
}
