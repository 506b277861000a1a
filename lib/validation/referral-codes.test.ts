import { describe, expect, it } from "vitest";
import {
  clientIdParamsSchema,
  createReferralCodeSchema,
  referralCodeIdParamsSchema,
  updateReferralCodeSchema,
} from "./referral-codes";
import { issueDetails } from "./issues";

const nextYear = new Date().getUTCFullYear() + 1;

function errorsOf(result: { success: boolean; error?: Parameters<typeof issueDetails>[0] }): string[] {
  return result.error ? issueDetails(result.error) : [];
}

describe("client and code id params", () => {
  it.each(["1", "42", " 7 ", "2147483647"])("%j is an id", (id) => {
    expect(clientIdParamsSchema.parse({ id })).toEqual({ id: Number(id) });
  });

  it.each(["0", "-1", "abc", "12abc", "1e3", "1.5", "", "2147483648", "99999999999"])(
    "%j is refused",
    (id) => {
      expect(clientIdParamsSchema.safeParse({ id }).success).toBe(false);
    },
  );

  it("the code id is checked too", () => {
    expect(referralCodeIdParamsSchema.parse({ id: "3", codeId: "9" })).toEqual({ id: 3, codeId: 9 });
    expect(errorsOf(referralCodeIdParamsSchema.safeParse({ id: "3", codeId: "x" }))).toEqual([
      "codeId: Code id must be a positive whole number",
    ]);
  });
});

describe("createReferralCodeSchema", () => {
  it("an empty body asks for a generated code with no limit or expiry", () => {
    expect(createReferralCodeSchema.parse({})).toEqual({
      customCode: undefined,
      codeName: undefined,
      usageLimit: undefined,
      expiresAt: undefined,
      campaignId: undefined,
    });
  });

  it("the seed's JSON body", () => {
    expect(
      createReferralCodeSchema.parse({
        code_name: "Maya VIP Code",
        usage_limit: 10,
        expires_at: `${nextYear}-12-31T23:59:59.000Z`,
        custom_code: "maya-vip",
        campaign_id: 2,
      }),
    ).toEqual({
      customCode: "maya-vip",
      codeName: "Maya VIP Code",
      usageLimit: 10,
      expiresAt: new Date(`${nextYear}-12-31T23:59:59.000Z`),
      campaignId: 2,
    });
  });

  it("form strings: empty means unset, numbers are parsed, a plain date means through that day", () => {
    expect(
      createReferralCodeSchema.parse({
        code_name: "  ",
        usage_limit: "",
        expires_at: `${nextYear}-06-30`,
        custom_code: "",
        campaign_id: "",
      }),
    ).toEqual({
      customCode: undefined,
      codeName: null,
      usageLimit: null,
      expiresAt: new Date(`${nextYear}-06-30T23:59:59.999Z`),
      campaignId: null,
    });
    expect(
      createReferralCodeSchema.parse({ usage_limit: " 25 ", expires_at: null, custom_code: null }),
    ).toMatchObject({
      usageLimit: 25,
      expiresAt: null,
      customCode: undefined,
    });
  });

  it.each([
    [{ usage_limit: 0 }, "usage_limit: Usage limit must be at least 1 (or empty for unlimited)"],
    [{ usage_limit: "-3" }, "usage_limit: Usage limit must be at least 1 (or empty for unlimited)"],
    [{ usage_limit: 2.5 }, "usage_limit: Usage limit must be a whole number (or empty for unlimited)"],
    [{ usage_limit: "ten" }, "usage_limit: Usage limit must be a whole number (or empty for unlimited)"],
    [{ expires_at: "2020-01-01" }, "expires_at: Expiry date must be in the future"],
    [
      { expires_at: "tomorrow" },
      "expires_at: Expiry must be an ISO date such as 2025-12-31 or 2025-12-31T23:59:59Z",
    ],
    [
      { expires_at: `${nextYear}-02-30` },
      "expires_at: Expiry must be an ISO date such as 2025-12-31 or 2025-12-31T23:59:59Z",
    ],
    [
      { expires_at: 1767225599000 },
      "expires_at: Expiry must be an ISO date such as 2025-12-31 or 2025-12-31T23:59:59Z",
    ],
    [{ code_name: "x".repeat(101) }, "code_name: Code name must be at most 100 characters"],
    [{ custom_code: 12345678 }, "custom_code: Custom code must be text"],
    [{ campaign_id: "abc" }, "campaign_id: Campaign id must be a positive whole number"],
  ])("%j → %s", (body, message) => {
    expect(errorsOf(createReferralCodeSchema.safeParse(body))).toEqual([message]);
  });
});

describe("updateReferralCodeSchema", () => {
  it("only the fields given", () => {
    expect(updateReferralCodeSchema.parse({ is_active: false })).toEqual({
      isActive: false,
      codeName: undefined,
      usageLimit: undefined,
      expiresAt: undefined,
    });
    expect(
      updateReferralCodeSchema.parse({ is_active: "true", usage_limit: null, code_name: "" }),
    ).toMatchObject({
      isActive: true,
      usageLimit: null,
      codeName: null,
    });
  });

  it("refuses an empty patch and a non-boolean is_active", () => {
    expect(errorsOf(updateReferralCodeSchema.safeParse({}))).toEqual([
      "Provide at least one of is_active, usage_limit, expires_at, code_name",
    ]);
    expect(errorsOf(updateReferralCodeSchema.safeParse({ is_active: "yes" }))).toEqual([
      "is_active: is_active must be true or false",
    ]);
  });
});
