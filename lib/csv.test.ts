import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvLines, neutralizeCell, type CsvCell } from "./csv";
import { csvStringifyLines } from "@/testing/csv-oracle";

describe("neutralizeCell", () => {
  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1 555", "'+1 555"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["plain", "plain"],
    ["a=b", "a=b"],
    ["", ""],
  ])("%j → %j", (input, output) => expect(neutralizeCell(input)).toBe(output));
});

describe("csvLines", () => {
  it("writes RFC 4180 records (CRLF, quoted when needed, quotes doubled) that parse back to the same text", () => {
    const rows = [
      ["plain", 'say "hi"', "a,b", "line\nbreak", "🦄 Zoë", true, false, null, 12],
      ["=1+1", "x", "y", "z", "", false, true, undefined, 0],
    ];
    const text = csvLines(rows);
    expect(text).toBe(
      'plain,"say ""hi""","a,b","line\nbreak",🦄 Zoë,true,false,,12\r\n' + "'=1+1,x,y,z,,false,true,,0\r\n",
    );
    expect(parse(text)).toEqual([
      ["plain", 'say "hi"', "a,b", "line\nbreak", "🦄 Zoë", "true", "false", "", "12"],
      ["'=1+1", "x", "y", "z", "", "false", "true", "", "0"],
    ]);
  });
});

describe("csvLines equals the csv-stringify encoding it replaced", () => {
  // Text built from the characters that matter to CSV and to the neutraliser, plus any unicode.
  const tricky = fc.oneof(
    fc.constantFrom('"', ",", "\r", "\n", "\r\n", "=", "+", "-", "@", "\t", "'", " ", "a", "Zoë", "🦄", "中"),
    fc.string({ unit: "grapheme", maxLength: 3 }),
  );
  const text = fc.array(tricky, { maxLength: 8 }).map((parts) => parts.join(""));
  const cell: fc.Arbitrary<CsvCell> = fc.oneof(
    text,
    fc.string({ unit: "binary", maxLength: 12 }),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.constant(null),
    fc.constant(undefined),
  );

  it("byte for byte on generated rows", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 14 }), { maxLength: 6 }), (rows) => {
        expect(csvLines(rows)).toBe(csvStringifyLines(rows));
      }),
      { numRuns: 2_000 },
    );
  });

  it("on the cases a spreadsheet or a naive writer gets wrong", () => {
    const rows: CsvCell[][] = [
      ['=HYPERLINK("x")', "-1.00", "a\rb", "a\r", "\n", '"', "", " x ", -3, 0.5, true, false, null],
      ["\tTab", "\rCR", "Line\r\nTwo", "Comma, Inc.", "Zoë 🦄 Müller-Łukasz 中文", "'quoted'", undefined],
    ];
    expect(csvLines(rows)).toBe(csvStringifyLines(rows));
  });
});
