import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvLines, neutralizeCell } from "./csv";

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
