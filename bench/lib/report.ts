// The printed table: path | measured | baseline | ratio | target | PASS/FAIL.
export type Row = {
  path: string;
  measured: string;
  baseline: string;
  /** measured / baseline where the target is a ratio (or for information), else null. */
  ratio: number | null;
  target: string;
  /** null: no target, printed for information. */
  pass: boolean | null;
};

export function printTable(rows: Row[]): void {
  const head = ["path", "measured", "baseline", "ratio", "target", "result"];
  const cells = rows.map((r) => [
    r.path,
    r.measured,
    r.baseline,
    r.ratio === null || !Number.isFinite(r.ratio) ? "—" : `${r.ratio.toFixed(2)}×`,
    r.target,
    r.pass === null ? "info" : r.pass ? "PASS" : "FAIL",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(" | ")} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const c of cells) console.log(line(c));
}
