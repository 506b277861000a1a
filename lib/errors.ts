// DomainError is how domain functions refuse: a stable code, a message fit for the user, the HTTP
// status it maps to, and optionally the form field it belongs under.
export type DomainErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

export class DomainError extends Error {
  readonly code: string;
  readonly status: DomainErrorStatus;
  readonly field?: string;
  readonly details?: string[];
  readonly headers?: Record<string, string>;

  constructor(
    code: string,
    message: string,
    opts: {
      status?: DomainErrorStatus;
      field?: string;
      details?: string[];
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.status = opts.status ?? 400;
    this.field = opts.field;
    this.details = opts.details;
    this.headers = opts.headers;
  }
}

export const unauthorized = () =>
  new DomainError("unauthorized", "Sign in or provide an API key to use this endpoint.", { status: 401 });
export const forbidden = () =>
  new DomainError("forbidden", "You don't have access to this resource.", { status: 403 });
export const notFound = (what: string) => new DomainError("not_found", `${what} not found`, { status: 404 });

/** PostgreSQL SQLSTATE of an error from either driver (postgres.js or PGlite), if it has one. */
export function pgErrorCode(error: unknown): string | undefined {
  let e: unknown = error;
  // drizzle wraps driver errors in DrizzleQueryError with the original as `cause`.
  for (let i = 0; i < 3 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The message (and constraint) of the underlying database error. */
export function pgErrorInfo(error: unknown): { message: string; constraint?: string } | undefined {
  let e: unknown = error;
  for (let i = 0; i < 3 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) {
      const rec = e as { message?: string; constraint?: string; constraint_name?: string };
      return { message: rec.message ?? "", constraint: rec.constraint ?? rec.constraint_name };
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * PostgreSQL cancelled the statement at `statement_timeout` (DATABASE_STATEMENT_TIMEOUT_MS): the request
 * asked for more than a request may cost. The wrappers answer 503 with a retry hint instead of a 500.
 */
export function isStatementTimeout(error: unknown): boolean {
  return pgErrorCode(error) === "57014";
}

export const STATEMENT_TIMEOUT_MESSAGE =
  "This took too long and was stopped. Narrow the filters or try again in a moment.";
