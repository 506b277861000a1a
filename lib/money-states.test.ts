import { describe, expect, it } from "vitest";
import { MONEY_STATES, MONEY_TERMS, moneyStateLabel, STATE_OF_STATUS } from "./money-states";

describe("money vocabulary", () => {
  it("names each state once, in the spec's words", () => {
    expect(MONEY_STATES.map((s) => MONEY_TERMS[s].label)).toEqual([
      "On hold",
      "Approved",
      "Paid",
      "Reversed",
      "Rejected",
    ]);
    const labels = Object.values(MONEY_TERMS).map((t) => t.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("maps every ledger status to its label (`pending` reads On hold)", () => {
    expect(
      Object.keys(STATE_OF_STATUS).map((s) => moneyStateLabel(s as keyof typeof STATE_OF_STATUS)),
    ).toEqual(["On hold", "Approved", "Paid", "Reversed", "Rejected"]);
  });

  it("explains every term in a sentence that doesn't use an old name", () => {
    for (const term of Object.values(MONEY_TERMS)) {
      expect(term.explanation.length).toBeGreaterThan(10);
      expect(term.explanation).not.toMatch(/\b(pending|owed \(approved\)|unpaid)\b/i);
    }
  });
});
