import { describe, expect, it } from "vitest";
import { offerText } from "./offer-text";

describe("offerText", () => {
  it.each([
    [{ trialDays: 7, bonusPoints: 20 }, "a 7-day free trial and 20 bonus points"],
    [{ trialDays: 7, bonusPoints: 1 }, "a 7-day free trial and 1 bonus point"],
    [{ trialDays: 0, bonusPoints: 1500 }, "1,500 bonus points"],
    [{ trialDays: 14, bonusPoints: 0 }, "a 14-day free trial"],
    [{ trialDays: 0, bonusPoints: 0 }, null],
  ])("%j → %j", (offer, expected) => {
    expect(offerText(offer)).toBe(expected);
  });
});
