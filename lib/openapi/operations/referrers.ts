// What a signed-in referrer reads about themselves, the leaderboard and the rewards they spend points on.
import { z } from "zod";
import { badge, subscriptionStatus } from "@/db/schema/enums";
import { leaderboardQuerySchema } from "@/lib/validation/leaderboard";
import { myReferralsQuerySchema } from "@/lib/validation/my-referrals";
import { redeemSchema } from "@/lib/validation/redemptions";
import { defineOperations } from "../operation";
import { currencyAmount, id, moneyString, timestamp } from "../shapes";

const int = z.number().int();

export const meSchema = z.union([
  z.object({ type: z.literal("api_key"), api_key_id: id, name: z.string() }),
  z.object({
    type: z.literal("user"),
    user_id: id,
    email: z.string(),
    name: z.string(),
    role: z.enum(["admin", "client"]),
  }),
]);

export const myReferralsSchema = z.object({
  totals: z.object({
    referrals: int,
    qualified: int,
    in_review: int,
    rejected: int,
    points_earned: int,
    points_pending: int,
    commission_earned: moneyString,
    commission_earned_cents: int,
    commission_by_currency: z.array(currencyAmount),
  }),
  referrals: z.array(
    z.object({
      id,
      name: z.string(),
      email: z.string(),
      referred_at: timestamp,
      code_used: z.string(),
      status: z.string(),
      subscription_status: z.enum(subscriptionStatus.enumValues).nullable(),
      points_earned: int,
      points_pending: int,
      commission_earned: moneyString,
      commission_earned_cents: int,
      commission_by_currency: z.array(currencyAmount),
    }),
  ),
  page: int,
  per_page: int,
  total_pages: int,
});

const leaderboardEntry = z.object({
  rank: int,
  name: z.string(),
  masked: z.boolean(),
  badge: z.enum(badge.enumValues).nullable(),
  referrals: int,
  reached_at: timestamp,
  is_you: z.boolean(),
});

export const leaderboardSchema = z.object({
  period: z.enum(["30d", "all"]),
  since: timestamp.nullable(),
  entries: z.array(leaderboardEntry),
  you: leaderboardEntry.nullable(),
});

export const rewardsOverviewSchema = z.looseObject({
  balance_points: int,
  pending_points: int,
  debt_points: int,
  catalog: z.array(
    z.looseObject({ id, name: z.string(), cost_points: int, affordable: z.boolean(), points_missing: int }),
  ),
  redemptions: z.array(z.looseObject({ id, reward: z.string(), cost_points: int, coupon_code: z.string() })),
  history_total: int,
  history: z.array(z.looseObject({ id, created_at: timestamp, points: int, reason: z.string() })),
});

export const redemptionSchema = z.object({
  redemption_id: id,
  reward: z.string(),
  coupon_code: z.string(),
  cost_points: int,
  balance_points: int,
  created_at: timestamp,
});

export const referrerOperations = defineOperations([
  {
    method: "get",
    path: "/api/me",
    operationId: "getMe",
    tag: "Account",
    summary: "Who the caller is: the signed-in user, or the API key in use",
    access: "user",
    responses: {
      200: {
        description: "The caller.",
        schema: meSchema,
        example: { type: "user", user_id: 2, email: "maya@example.com", name: "Maya", role: "client" },
      },
    },
  },
  {
    method: "get",
    path: "/api/me/referrals",
    operationId: "listMyReferrals",
    tag: "Account",
    summary: "Everyone the signed-in client referred, one page at a time, with totals",
    description:
      "E-mails are masked. `commission_earned` is in usd (the base currency); `commission_by_currency` lists " +
      "the commission in every currency it was earned in (usd first), never added across currencies.",
    access: "client",
    query: myReferralsQuerySchema,
    responses: {
      200: {
        description: "One page of referrals and the totals over all of them.",
        schema: myReferralsSchema,
        example: {
          totals: {
            referrals: 1,
            qualified: 1,
            in_review: 0,
            rejected: 0,
            points_earned: 100,
            points_pending: 0,
            commission_earned: "3.00",
            commission_earned_cents: 300,
            commission_by_currency: [
              { currency: "usd", amount: "3.00", amount_cents: 300 },
              { currency: "eur", amount: "3.99", amount_cents: 399 },
            ],
          },
          referrals: [
            {
              id: 5,
              name: "Sarah Johnson",
              email: "s***@example.org",
              referred_at: "2025-05-02T09:00:00.000Z",
              code_used: "MAYA2025",
              status: "qualified",
              subscription_status: "active",
              points_earned: 100,
              points_pending: 0,
              commission_earned: "3.00",
              commission_earned_cents: 300,
              commission_by_currency: [{ currency: "usd", amount: "3.00", amount_cents: 300 }],
            },
          ],
          page: 1,
          per_page: 25,
          total_pages: 1,
        },
      },
    },
  },
  {
    method: "get",
    path: "/api/leaderboard",
    operationId: "getLeaderboard",
    tag: "Rewards",
    summary: "Top referrers by referrals (not in review, not rejected)",
    description:
      "Names are masked unless the referrer opted in; a signed-in client also gets their own place.",
    access: "user",
    query: leaderboardQuerySchema,
    responses: {
      200: {
        description: "The board.",
        schema: leaderboardSchema,
        example: {
          period: "30d",
          since: "2025-05-03T00:00:00.000Z",
          entries: [
            {
              rank: 1,
              name: "Maya",
              masked: false,
              badge: "silver",
              referrals: 14,
              reached_at: "2025-05-30T10:00:00.000Z",
              is_you: true,
            },
          ],
          you: null,
        },
      },
    },
  },
  {
    method: "get",
    path: "/api/rewards",
    operationId: "getRewards",
    tag: "Rewards",
    summary: "The signed-in client's points: balance, catalog, coupons and history",
    access: "client",
    responses: {
      200: {
        description: "The overview.",
        schema: rewardsOverviewSchema,
        example: {
          balance_points: 250,
          pending_points: 100,
          debt_points: 0,
          debts: [],
          expiring_soon: null,
          catalog: [
            {
              id: 1,
              name: "10% off next month",
              description: null,
              cost_points: 200,
              reward_type: "discount_percent",
              reward_value: 10,
              affordable: true,
              points_missing: 0,
            },
          ],
          redemptions: [],
          history_total: 0,
          history: [],
        },
      },
    },
  },
  {
    method: "post",
    path: "/api/rewards/redeem",
    operationId: "redeemReward",
    tag: "Rewards",
    summary: "Spend points on a catalog reward",
    access: "client",
    body: redeemSchema,
    bodyExample: { catalog_item_id: "1" },
    responses: {
      201: {
        description: "Redeemed (`message: Reward redeemed`): the coupon code.",
        schema: redemptionSchema,
        example: {
          redemption_id: 9,
          reward: "10% off next month",
          coupon_code: "MN-7Q2K-9XPA",
          cost_points: 200,
          balance_points: 50,
          created_at: "2025-06-01T12:00:00.000Z",
        },
      },
    },
    errors: {
      404: "The reward is not offered.",
      409: "Not enough points (the message says how many are missing).",
    },
  },
]);
