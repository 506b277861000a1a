import { z } from "zod";

/**
 * Column schemas for raw rows. db/open.ts makes both drivers return int8 and numeric (counts, sums of
 * bigint cents) as JS numbers, so numbers are checked, not coerced. Timestamps differ: Drizzle leaves
 * them as text on raw queries, so they are read as either and handed on as Date.
 */
const timestamp = z.union([z.date(), z.string()]).transform((value) => new Date(value));

export const col = {
  int: z.number().int(),
  /** A count or a sum that is NULL when no row counts: NULL → 0. */
  count: z
    .number()
    .int()
    .nullable()
    .transform((value) => value ?? 0),
  number: z.number(),
  cents: z.number().int(),
  /** A sum of cents that is NULL when no row counts (SQL's sum): NULL → 0. */
  sumCents: z
    .number()
    .int()
    .nullable()
    .transform((value) => value ?? 0),
  nullableCents: z.number().int().nullable(),
  nullableInt: z.number().int().nullable(),
  text: z.string(),
  nullableText: z.string().nullable(),
  bool: z.boolean(),
  timestamp,
  nullableTimestamp: timestamp.nullable(),
  /** jsonb: one driver parses it, the other may hand over the text. */
  json: <T extends z.ZodType>(schema: T) =>
    z.union([schema, z.string().transform((text) => schema.parse(JSON.parse(text)) as z.output<T>)]),
} as const;

export type RowShape = z.ZodObject;

/**
 * The rows of a raw `db.execute(sql…)`, each checked against `shape` (postgres.js returns an array,
 * PGlite an object with `rows`). A row of another shape is a programming error — the SQL and its
 * reader disagree — so it throws, naming the first column that differs.
 */
export function rowsAs<S extends RowShape>(result: unknown, shape: S): z.infer<S>[] {
  const rows: unknown[] = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
  return rows.map((row, index) => {
    const parsed = shape.safeParse(row);
    if (parsed.success) return parsed.data;
    const [issue] = parsed.error.issues;
    const column = issue.path.length ? String(issue.path[0]) : "(row)";
    const value = issue.path.length ? (row as Record<string, unknown>)?.[column] : row;
    const columns = row && typeof row === "object" ? Object.keys(row).join(", ") : typeof row;
    throw new Error(
      `Raw query row ${index} does not match its shape at column "${column}": ${issue.message} ` +
        `(got ${describe(value)}; row has columns: ${columns})`,
    );
  });
}

function describe(value: unknown): string {
  if (value === undefined) return "no such column";
  if (value === null) return "null";
  if (value instanceof Date) return "a Date";
  return `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}
