// Drizzle wraps driver errors (DrizzleQueryError → cause), and the drivers name fields differently
// (postgres.js `constraint_name`, PGlite `constraint`). Tests compare this one shape instead.
export type PgErrorInfo = { code: string; constraint?: string; message: string };

export function pgErrorOf(error: unknown): PgErrorInfo | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const e = current as {
      code?: unknown;
      constraint?: unknown;
      constraint_name?: unknown;
      message?: unknown;
    };
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) {
      const constraint = e.constraint_name ?? e.constraint;
      return {
        code: e.code,
        constraint: typeof constraint === "string" ? constraint : undefined,
        message: String(e.message ?? ""),
      };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Awaits `work`, which must fail with a PostgreSQL error; returns that error's code, constraint and message. */
export async function pgErrorFrom(
  work: PromiseLike<unknown> | (() => PromiseLike<unknown>),
): Promise<PgErrorInfo> {
  try {
    await (typeof work === "function" ? work() : work);
  } catch (error) {
    const info = pgErrorOf(error);
    if (!info) throw error;
    return info;
  }
  throw new Error("Expected the database to refuse this, but it succeeded");
}

export const PG = {
  uniqueViolation: "23505",
  checkViolation: "23514",
  foreignKeyViolation: "23503",
  raiseException: "P0001",
} as const;
