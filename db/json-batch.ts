import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "./types";

/**
 * A read model that PostgreSQL hands back as ONE JSON value: a scalar subquery such as
 * `SELECT json_build_object(…) FROM …`, and how to turn that value into its JavaScript shape.
 *
 * Why: a page made of ten small read models would otherwise pay ten statements (ten round trips, ten
 * pool checkouts). `readBatch` runs any number of them as one `SELECT (q1), (q2), …` — each subquery is
 * still planned on its own, on its own indexes — and `readJson` runs one alone (an API route, a test).
 * The value travels as text and is parsed here, so both drivers give the same thing.
 */
export type JsonRead<T> = { sql: SQL; parse: (json: unknown) => T };

export function jsonRead<S extends z.ZodType, T = z.output<S>>(
  query: SQL,
  schema: S,
  finish?: (value: z.output<S>) => T,
): JsonRead<T> {
  return {
    sql: query,
    parse: (json) => {
      const value = schema.parse(json);
      return finish ? finish(value) : (value as unknown as T);
    },
  };
}

type Results<R extends Record<string, JsonRead<unknown>>> = { [K in keyof R]: ReturnType<R[K]["parse"]> };

/** Every read of `reads` in one statement. */
export async function readBatch<R extends Record<string, JsonRead<unknown>>>(
  db: DbOrTx,
  reads: R,
): Promise<Results<R>> {
  if (!Object.keys(reads).length) return {} as Results<R>;
  const result = await db.execute(sql`SELECT ${batchColumns(reads)}`);
  const rows: unknown[] = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
  return parseBatchRow(reads, rows[0] as Record<string, unknown>);
}

/**
 * readBatch's select list (`(q1)::text AS r0, …`), for a caller that puts it in a statement of its own
 * (beside a CTE the reads refer to); parseBatchRow reads the row back.
 */
export function batchColumns(reads: Record<string, JsonRead<unknown>>): SQL {
  return sql.join(
    Object.keys(reads).map((key, i) => sql`(${reads[key].sql})::text AS ${sql.raw(`r${i}`)}`),
    sql`, `,
  );
}

export function parseBatchRow<R extends Record<string, JsonRead<unknown>>>(
  reads: R,
  row: Record<string, unknown>,
): Results<R> {
  const out: Record<string, unknown> = {};
  Object.keys(reads).forEach((key, i) => {
    const text = row[`r${i}`] as string | null;
    try {
      out[key] = reads[key].parse(text === null ? null : JSON.parse(text));
    } catch (error) {
      throw new Error(`JSON read "${key}" does not match its shape: ${(error as Error).message}`);
    }
  });
  return out as Results<R>;
}

/** One read alone (one statement). */
export async function readJson<T>(db: DbOrTx, read: JsonRead<T>): Promise<T> {
  const { value } = await readBatch(db, { value: read });
  return value as T;
}

/** Column schemas for values inside a JSON read (timestamps arrive as ISO text, bigint sums as numbers). */
export const jsonCol = {
  int: z.number().int(),
  /** NULL (a sum over no row) → 0. */
  count: z
    .number()
    .int()
    .nullable()
    .transform((v) => v ?? 0),
  nullableInt: z.number().int().nullable(),
  text: z.string(),
  nullableText: z.string().nullable(),
  bool: z.boolean(),
  timestamp: z.string().transform((v) => new Date(v)),
  nullableTimestamp: z
    .string()
    .nullable()
    .transform((v) => (v === null ? null : new Date(v))),
  /** `json_agg` over no row is NULL. */
  list: <T extends z.ZodType>(item: T) =>
    z
      .array(item)
      .nullable()
      .transform((v) => v ?? []),
} as const;
