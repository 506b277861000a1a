/**
 * A spreadsheet opens a cell starting with = + - @ (or a tab / CR) as a formula: a referrer named
 * `=HYPERLINK(…)` must arrive as text. Prefixing an apostrophe is the usual neutralisation (OWASP
 * "CSV injection").
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export type CsvCell = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/**
 * One CSV field: text neutralised, then quoted (quotes doubled) only when it holds a comma, a quote or a
 * line break — a bare LF or CR too, since a name with a line break must not split a row in any
 * spreadsheet. Booleans are `true`/`false`, numbers as JavaScript prints them, null and undefined empty.
 *
 * This is exactly what csv-stringify wrote with our options (record_delimiter CRLF, quoted_match
 * /[\r\n]/, the same casts); lib/csv.test.ts holds the two equal on generated text. Written by hand
 * because it is the export's inner loop: one regexp test per cell instead of csv-stringify's per-field
 * option handling.
 */
export function csvField(value: CsvCell): string {
  switch (typeof value) {
    case "string": {
      const text = neutralizeCell(value);
      return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
    }
    case "boolean":
      return value ? "true" : "false";
    case "number":
      return String(value);
    default:
      return "";
  }
}

/** RFC 4180 lines (CRLF after every record, the last one too) for a batch of rows; see `csvField`. */
export function csvLines(rows: CsvCell[][]): string {
  let out = "";
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) out += i ? `,${csvField(row[i])}` : csvField(row[i]);
    out += "\r\n";
  }
  return out;
}
