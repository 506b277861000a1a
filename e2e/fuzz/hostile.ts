// Hostile values for the fuzz suite, as fast-check arbitraries: what an attacker or a broken integration
// sends instead of what a field expects.
import fc from "fast-check";
import type { Field } from "./schema-fields";

export const INT4_PAST = 2_147_483_648;
const BIG_TEXT = "x".repeat(100_000);

/** Strings that have each broken something somewhere: NUL and control characters, sizes, encodings, dates. */
export const hostileStrings = [
  "",
  " ",
  "\u0000",
  "name\u0000with nul",
  "\u0007\u0008\u001b[31m\u007f\u0085",
  "line\r\nbreak",
  BIG_TEXT,
  `${BIG_TEXT}\u0000`,
  "💥🎉👩‍👩‍👧‍👦",
  "\u202eRTL\u200b\ufeff",
  "\ud800",
  "Zalgơ̸̢͉̹͕̟̤̓͊̊͌",
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%00%ff",
  "null",
  "undefined",
  "true",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1.5",
  "1e309",
  String(INT4_PAST),
  "99999999999999999999",
  "9999-12-31",
  "9999-12-31T23:59:59Z",
  "0000-01-01",
  "2025-02-30",
  "2025-13",
  "__proto__",
];

export const hostileNumbers = [
  0,
  -1,
  -2_147_483_649,
  1.5,
  0.1,
  INT4_PAST,
  2 ** 53 + 2,
  9e15,
  99_999_999_999,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

/** Values of the wrong JSON type for anything. */
export const wrongTypes: unknown[] = [
  null,
  true,
  false,
  [],
  [1, 2],
  {},
  { $gt: "" },
  { __proto__: { admin: true } },
];

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
      maxLength: 8,
    }),
  },
);

export const hostileNumber = fc.oneof(
  fc.constantFrom(...hostileNumbers),
  fc.double({ noNaN: true }),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
);

/** A hostile JSON value for a field: its own kind broken, or the wrong kind altogether. */
export function hostileJsonValue(field: Field): fc.Arbitrary<unknown> {
  const wrong = fc.constantFrom(...wrongTypes);
  switch (field.kind.type) {
    case "number":
      return fc.oneof(hostileNumber, hostileNumber, hostileString, wrong);
    case "enum":
      return fc.oneof(
        hostileString,
        fc.constantFrom(...field.kind.values.map((v) => `${v}\u0000`)),
        hostileNumber,
        wrong,
      );
    default:
      return fc.oneof(hostileString, hostileString, hostileNumber, wrong);
  }
}

/** A form field carries text only: hostile text, and numbers spelled the way that breaks ids and dates. */
export function hostileFormValue(): fc.Arbitrary<string> {
  return fc.oneof(hostileString, hostileNumber.map(String));
}

export const extraFields = fc.dictionary(
  fc.constantFrom("extra", "__proto__", "constructor", "role", "is_admin", "user_id", "id", "$ACTION_ID_x"),
  fc.oneof(hostileString, hostileNumber, fc.constantFrom(...wrongTypes)),
  { maxKeys: 2 },
);

/** Bodies that are not what any JSON endpoint expects. */
export const rawBodies: Array<{ label: string; body: string; contentType?: string }> = [
  { label: "empty", body: "" },
  { label: "bad JSON", body: '{"name": ', contentType: "application/json" },
  { label: "trailing garbage", body: "{}}}", contentType: "application/json" },
  { label: "JSON null", body: "null", contentType: "application/json" },
  { label: "JSON array", body: "[1,2,3]", contentType: "application/json" },
  { label: "JSON string", body: '"x"', contentType: "application/json" },
  { label: "JSON number", body: "5", contentType: "application/json" },
  { label: "deep nesting", body: `${"[".repeat(5000)}${"]".repeat(5000)}`, contentType: "application/json" },
  { label: "form instead of JSON", body: "name=x&email=y", contentType: "application/x-www-form-urlencoded" },
  { label: "xml", body: '<?xml version="1.0"?><a>1</a>', contentType: "application/xml" },
  { label: "binary", body: "\u0000\u0001\u0002\uffff", contentType: "application/octet-stream" },
  { label: "NUL JSON", body: '{"name":"\\u0000"}', contentType: "application/json" },
  { label: "multipart without boundary", body: "--x\r\n", contentType: "multipart/form-data" },
];
