import { describe, expect, it } from "vitest";
import { centsToDecimal, formatMoney, formatMoneyByCurrency } from "@/lib/format";
import { isKnownCurrency, knownCurrencies, minimumInCurrency, minorUnits } from "./currencies";

describe("ISO 4217 currencies", () => {
  it.each([
    ["usd", 2],
    ["EUR", 2],
    ["jpy", 0],
    ["krw", 0],
    ["kwd", 3],
    ["bhd", 3],
    ["clf", 4],
  ])("%s has %i minor units", (code, digits) => {
    expect(minorUnits(code)).toBe(digits);
  });

  it("knows the codes Intl knows (where ISO and ICU agree) and refuses made-up ones", () => {
    // Every code ICU formats is known, except withdrawn currencies (HRK, ZWL) and units of account that
    // are no money a client pays in (XDR, XSU). Digits come from ISO 4217, not ICU's cash digits (HUF…).
    const notPayable = new Set(["HRK", "ZWL", "XDR", "XSU"]);
    for (const code of Intl.supportedValuesOf("currency")) {
      expect(isKnownCurrency(code), code).toBe(!notPayable.has(code));
    }
    expect(knownCurrencies()).toContain("eur");
    for (const code of ["xyz", "us", "usdd", "", "xxx"]) expect(isKnownCurrency(code)).toBe(false);
    expect(() => minorUnits("xyz")).toThrow(/Unknown currency: xyz/);
  });

  it("the minimum payout is the same number of major units in every currency, rounded up", () => {
    expect(minimumInCurrency(5000, "usd")).toBe(5000);
    expect(minimumInCurrency(5000, "eur")).toBe(5000);
    expect(minimumInCurrency(5000, "jpy")).toBe(50);
    expect(minimumInCurrency(5050, "jpy")).toBe(51);
    expect(minimumInCurrency(5000, "kwd")).toBe(50_000);
  });

  it("formats minor units with the currency's own decimals", () => {
    expect(formatMoney(3995)).toBe("$39.95");
    expect(formatMoney(3995, "eur")).toBe("€39.95");
    expect(formatMoney(500, "JPY")).toBe("¥500");
    expect(formatMoney(12_345, "kwd").replace(/\u00a0/g, " ")).toBe("KWD 12.345");
    expect(centsToDecimal(3995, "eur")).toBe("39.95");
    expect(centsToDecimal(-500, "jpy")).toBe("-500");
    expect(centsToDecimal(12_345, "kwd")).toBe("12.345");
    expect(
      formatMoneyByCurrency([
        { currency: "usd", cents: 1200 },
        { currency: "eur", cents: 399 },
      ]),
    ).toBe("$12.00 · €3.99");
  });
});
