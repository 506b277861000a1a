import { describe, expect, it } from "vitest";
import { checkActionBody, checkFormPost } from "./action-body.mjs";

const text = (body: string) => checkActionBody("text/plain;charset=UTF-8", Buffer.from(body));

function multipart(fields: [string, string][], boundary = "----b0undary") {
  const parts = fields.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`),
  };
}

describe("checkActionBody: a plain-text reply", () => {
  it.each([
    "[]",
    '[{"email":"a@example.com"}]',
    '["$undefined","$NaN","$Infinity","$-Infinity","$-0","$D2026-01-01T00:00:00.000Z","$n-12","$$dollar","$T"]',
  ])("accepts what encodeReply sends: %s", async (body) => {
    expect(await text(body)).toEqual({ ok: true });
  });

  it.each([
    ["garbage", "hello"],
    ["truncated JSON", '[{"email":'],
    ["not an array", '{"email":"a@example.com"}'],
    ["a scalar", "5"],
    ["empty", ""],
    ["a reference to a missing row", '["$1"]'],
    ["a Map from a missing row", '["$Q2"]'],
    ["a malformed BigInt", '["$n1.5"]'],
    ["a BigInt past React's limit", `["$n${"9".repeat(301)}"]`],
  ])("refuses %s", async (_, body) => {
    expect((await text(body)).ok).toBe(false);
  });
});

describe("checkActionBody: a multipart reply", () => {
  it("accepts rows that refer to rows present, and FormData entries", async () => {
    const { contentType, body } = multipart([
      ["1_email", "a@example.com"],
      ["2", '{"a":1}'],
      ["0", '["$K1","$a","$Q2"]'.replace("$a", "$2")],
    ]);
    expect(await checkActionBody(contentType, body)).toEqual({ ok: true });
  });

  it.each([
    [
      "a body cut off mid-part",
      () => ({ ...multipart([["0", "[]"]]), body: Buffer.from("------b0undary\r\nContent-Disp") }),
    ],
    ["no boundary", () => ({ contentType: "multipart/form-data", body: Buffer.from("x") })],
    ["no row 0", () => multipart([["1", "[]"]])],
    ["row 0 not JSON", () => multipart([["0", "[{"]])],
    [
      "a numbered row not JSON",
      () =>
        multipart([
          ["0", '["$1"]'],
          ["1", "nope"],
        ]),
    ],
    [
      "a NUL in a field name",
      () =>
        multipart([
          ["0", "[]"],
          ["1_na\u0000me", "x"],
        ]),
    ],
    ["a reference to a missing row", () => multipart([["0", '["$@3"]']])],
  ])("refuses %s", async (_, make) => {
    const { contentType, body } = make();
    const check = await checkActionBody(contentType, body);
    expect(check.ok).toBe(false);
  });
});

describe("checkFormPost", () => {
  it("accepts a sound form and refuses a broken one", async () => {
    const { contentType, body } = multipart([
      ["$ACTION_ID_abc", ""],
      ["email", "a@example.com"],
    ]);
    expect(await checkFormPost(contentType, body)).toEqual({ ok: true });
    expect((await checkFormPost(contentType, body.subarray(0, 30))).ok).toBe(false);
  });
});
