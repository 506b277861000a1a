// The fraud rules' names, one vocabulary for the rules that write flags (fraud.ts), the review queue's
// reason filter (its zod schema) and the labels admins read.
export const FRAUD_RULE_LABELS = {
  same_ip_as_referrer: "Same IP as referrer",
  same_device_as_referrer: "Same device as referrer",
  ip_velocity: "Many signups from one IP",
  email_alias: "E-mail alias",
  disposable_email: "Disposable e-mail",
} as const;

export type FraudRule = keyof typeof FRAUD_RULE_LABELS;
export const FRAUD_RULES = Object.keys(FRAUD_RULE_LABELS) as [FraudRule, ...FraudRule[]];

export function fraudRuleLabel(rule: string): string {
  return (FRAUD_RULE_LABELS as Record<string, string>)[rule] ?? rule;
}
