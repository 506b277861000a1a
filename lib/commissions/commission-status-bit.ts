import type { commissionStatus } from "@/db/schema/enums";

type CommissionStatus = (typeof commissionStatus.enumValues)[number];

/**
 * The bit of a commission status in `referral_usage_log.commission_mask` (the statuses a referral's direct
 * commissions are in). The SQL twin is `commission_status_bit()` in db/migrations/0012_report_rollups.sql;
 * commission-status-bit.test.ts holds the two equal.
 */
export const COMMISSION_STATUS_BIT: Record<CommissionStatus, number> = {
  pending: 1,
  approved: 2,
  paid: 4,
  reversed: 8,
  rejected: 16,
};

export const commissionStatusBit = (status: CommissionStatus): number => COMMISSION_STATUS_BIT[status];
