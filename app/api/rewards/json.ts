import type { RewardsOverview } from "@/lib/queries/rewards-overview";

/** The rewards overview in the API's snake_case. */
export function rewardsOverviewJson(o: RewardsOverview) {
  return {
    balance_points: o.balancePoints,
    pending_points: o.pendingPoints,
    // Points taken back after they were spent (a refunded or charged-back payment); earned points pay it first.
    debt_points: o.debt.debtPoints,
    debts: o.debt.debts.map((d) => ({
      id: d.id,
      owed_points: d.owedPoints,
      reason: d.reason,
      created_at: d.createdAt,
    })),
    expiring_soon: o.expiringSoon
      ? { points: o.expiringSoon.points, first_expires_at: o.expiringSoon.firstExpiresAt }
      : null,
    catalog: o.catalog.map((item) => ({
      id: item.id,
      name: item.name,
      description: item.description,
      cost_points: item.costPoints,
      reward_type: item.rewardType,
      reward_value: item.rewardValue,
      affordable: item.affordable,
      points_missing: item.pointsMissing,
    })),
    redemptions: o.redemptions.map((r) => ({
      id: r.id,
      reward: r.itemName,
      cost_points: r.costPoints,
      coupon_code: r.couponCode,
      created_at: r.createdAt,
    })),
    history_total: o.historyTotal,
    history: o.history.map((h) => ({
      id: h.id,
      created_at: h.createdAt,
      points: h.deltaPoints,
      reason: h.reason,
      label: h.label,
      detail: h.detail,
      status: h.status,
      status_note: h.statusNote,
      coupon_code: h.couponCode,
      expires_at: h.expiresAt,
    })),
  };
}
