// What lib/csv.ts wrote before its hand-written encoder: csv-stringify with these options. The tests
// hold the encoder (and the PostgreSQL COPY export) byte-equal to it.
import { stringify } from "csv-stringify/sync";
import { neutralizeCell, type CsvCell } from "@/lib/csv";

export function csvStringifyLines(rows: CsvCell[][]): string {
  return stringify(rows, {
    record_delimiter: "\r\n",
    quoted_match: /[\r\n]/,
    cast: {
      boolean: (value) => (value ? "true" : "false"),
      string: (value) => neutralizeCell(value),
    },
  });
}
