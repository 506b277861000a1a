import { describe, expect, it } from "vitest";
import { fieldErrors } from "./issues";
import { adminInvitesSearchSchema, emailInvitesSchema, splitAddresses } from "./email-invites";

const parse = (addresses: string, code_id = "7") => emailInvitesSchema.safeParse({ code_id, addresses });
const errorsOf = (addresses: string, code_id = "7") => {
  const result = parse(addresses, code_id);
  if (result.success) throw new Error("expected a refusal");
  return fieldErrors(result.error);
};

describe("splitAddresses", () => {
  it.each([
    ["a@x.com, b@x.com", ["a@x.com", "b@x.com"]],
    ["a@x.com\nb@x.com\r\nc@x.com", ["a@x.com", "b@x.com", "c@x.com"]],
    ["a@x.com;b@x.com ; ;", ["a@x.com", "b@x.com"]],
    ["  A@X.COM   b@x.com\t", ["a@x.com", "b@x.com"]],
    [" ,\n ; ", []],
  ])("%j → %j", (text, expected) => {
    expect(splitAddresses(text)).toEqual(expected);
  });
});

describe("emailInvitesSchema", () => {
  it("parses the code id and the addresses, lower-cased, duplicates kept for the domain to report", () => {
    expect(parse("Ann@Example.com,\nann@example.com; bob@example.org")).toEqual({
      success: true,
      data: { codeId: 7, addresses: ["ann@example.com", "ann@example.com", "bob@example.org"] },
    });
  });

  it("names the address that is not an e-mail", () => {
    expect(errorsOf("ann@example.com, not-an-email").addresses).toBe(
      '"not-an-email" is not a valid e-mail address',
    );
  });

  it("names every bad address once", () => {
    expect(errorsOf("x@, ann@example.com, @y.com, x@").addresses).toBe(
      '"x@" and "@y.com" are not valid e-mail addresses',
    );
  });

  it("needs at least one address", () => {
    expect(errorsOf(" , \n").addresses).toBe("Enter at least one e-mail address");
    expect(errorsOf("").addresses).toBe("Enter at least one e-mail address");
  });

  it("takes at most 20 addresses at a time", () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@example.com`).join("\n");
    expect(parse(list(20)).success).toBe(true);
    expect(errorsOf(list(21)).addresses).toBe("Enter at most 20 addresses at a time (you entered 21)");
  });

  it("refuses a missing or malformed code id with a message, not an exception", () => {
    expect(errorsOf("ann@example.com", "").code_id).toBe("Choose the code to invite with");
    expect(errorsOf("ann@example.com", "1e3").code_id).toBe("Referral code must be a positive whole number");
    expect(fieldErrors(emailInvitesSchema.safeParse({}).error!)).toMatchObject({
      code_id: "Choose the code to invite with",
      addresses: "Enter at least one e-mail address",
    });
  });
});

describe("adminInvitesSearchSchema", () => {
  it("keeps a known status and ignores anything else", () => {
    expect(adminInvitesSearchSchema.parse({ status: "queued" })).toEqual({ status: "queued" });
    expect(adminInvitesSearchSchema.parse({ status: "bogus" })).toEqual({ status: undefined });
    expect(adminInvitesSearchSchema.parse({})).toEqual({});
  });
});
