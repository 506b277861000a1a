import { stringify } from "csv-stringify/sync";

/**
 * A spreadsheet opens a cell starting with = + - @ (or a tab / CR) as a formula: a referrer named
 * `=HYPERLINK(…)` must arrive as text. Prefixing an apostrophe is the usual neutralisation (OWASP
 * "CSV injection").
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export type CsvCell = string | number | boolean | null | undefined;

/**
 * RFC 4180 lines (CRLF, fields quoted when they hold a comma, quote or line break, quotes doubled) for
 * a batch of rows, every text cell neutralised. Booleans are written `true`/`false`, null as empty.
 */
export function csvLines(rows: CsvCell[][]): string {
  return stringify(rows, {
    record_delimiter: "\r\n",
    // csv-stringify quotes a field holding its own record delimiter (CRLF) but not a lone LF or CR;
    // RFC 4180 (and every spreadsheet) needs those quoted too, or a name with a line break splits a row.
    quoted_match: /[\r\n]/,
    cast: {
      boolean: (value) => (value ? "true" : "false"),
      string: (value) => neutralizeCell(value),
    },
  });
}
