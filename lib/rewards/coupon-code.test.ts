import { describe, expect, it } from "vitest";
import { COUPON_PATTERN, generateCouponCode } from "./coupon-code";

describe("generateCouponCode", () => {
  it("looks like MN-XXXX-XXXX-XXXX without confusable characters", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateCouponCode();
      expect(code).toMatch(COUPON_PATTERN);
      expect(code.slice(3)).not.toMatch(/[01OIL]/);
    }
  });

  it("does not repeat across 20,000 draws and uses every character of the alphabet", () => {
    const codes = Array.from({ length: 20_000 }, generateCouponCode);
    expect(new Set(codes).size).toBe(codes.length);
    const seen = new Set(codes.join("").replace(/^MN|-/g, "").split(""));
    expect(seen.size).toBeGreaterThanOrEqual(31);
  });
});
