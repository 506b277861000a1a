import { describe, expect, it } from "vitest";
import { accountNumberPrefix, formatAccountNumber } from "./account-number";

describe("account numbers", () => {
  it("matches the seed's MO-US-30-240001", () => {
    const prefix = accountNumberPrefix({
      clientType: "muse_owned",
      regionId: 1,
      salesChannelId: 30,
      year: 2024,
    });
    expect(formatAccountNumber(prefix, 1)).toBe("MO-US-30-240001");
  });
  it.each([
    [{ clientType: "white_label", regionId: 2, salesChannelId: 5, year: 2026 }, 42, "WL-CA-05-260042"],
    [{ clientType: "studio", regionId: 9, salesChannelId: 30, year: 2031 }, 12345, "ST-R9-30-3112345"],
  ])("%o #%i → %s", (input, seq, expected) => {
    expect(formatAccountNumber(accountNumberPrefix(input), seq)).toBe(expected);
  });
});
