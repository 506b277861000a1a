// The one vocabulary for money (SPEC: "Money states have one name each on every page and in the API").
// Every page label, status badge and hint reads its words from here, so a state is never called
// "pending" on one page, "owed" on another and "approved, unpaid" on a third. Pure data: pages, client
// components and tests all import it.

/** The money states, in the order money moves through them. */
export const MONEY_STATES = ["onHold", "approved", "paid", "reversed", "rejected"] as const;
export type MoneyState = (typeof MONEY_STATES)[number];

/** A commission row's `status` column → its money state (the ledger says `pending` for "On hold"). */
export const STATE_OF_STATUS = {
  pending: "onHold",
  approved: "approved",
  paid: "paid",
  reversed: "reversed",
  rejected: "rejected",
} as const satisfies Record<string, MoneyState>;

export type MoneyTerm = {
  /** The one name, as every page and the API's field descriptions write it. */
  label: string;
  /** One or two sentences, shown a hover or tap away from the label. */
  explanation: string;
  /** The API field (GET /api/clients/:id/commissions `summary`) that carries this state in cents. */
  apiField: string | null;
};

export const MONEY_TERMS: Record<MoneyState | "earned", MoneyTerm> = {
  earned: {
    label: "Earned",
    explanation:
      "All commission you have earned: On hold + Approved + Paid. Refunds already taken back are subtracted.",
    apiField: "total_commission_earned_cents",
  },
  onHold: {
    label: "On hold",
    explanation:
      "Earned, but inside the refund window (the hold) or waiting for a flagged signup's review. It becomes Approved when the hold ends.",
    apiField: "commission_on_hold_cents",
  },
  approved: {
    label: "Approved",
    explanation:
      "Past its hold and owed to you: it is paid in the next payout once your Approved total reaches the minimum payout.",
    apiField: "commission_approved_cents",
  },
  paid: {
    label: "Paid",
    explanation: "Sent to you in a payout.",
    apiField: "commission_paid_cents",
  },
  reversed: {
    label: "Reversed",
    explanation:
      "Taken back because the payment it came from was refunded or charged back, or the client left inside the hold.",
    apiField: "commission_reversed_cents",
  },
  rejected: {
    label: "Rejected",
    explanation: "Never owed: the referral was rejected as fraud after review.",
    apiField: null,
  },
};

/** The label of a commission row's status (`pending` → "On hold"). */
export function moneyStateLabel(status: keyof typeof STATE_OF_STATUS): string {
  return MONEY_TERMS[STATE_OF_STATUS[status]].label;
}
