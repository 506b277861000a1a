import { describe, expect, it } from "vitest";
import { isPayableBalance } from "./payable";

describe("isPayableBalance", () => {
  it.each([
    // status, approved balance, minimum → paid in the next batch?
    ["active", 5000, 5000, true],
    ["active", 6000, 5000, true],
    ["active", 4999, 5000, false],
    ["suspended", 8000, 5000, false],
    ["inactive", 8000, 5000, false],
    ["active", -300, 0, false], // a carried-forward reversal waits for later earnings
    ["active", 0, 0, false], // nothing to send
    ["active", 1, 0, true],
  ] as const)("%s with %i¢ against a %i¢ minimum → %s", (status, approvedCents, minimumCents, payable) => {
    expect(isPayableBalance({ status, approvedCents }, minimumCents)).toBe(payable);
  });
});
