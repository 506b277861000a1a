import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isStatementTimeout } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http";
import { useTestDatabase } from "@/testing/use-test-database";
import { openPostgres } from "./open";
import { col, rowsAs } from "./rows";
import { users } from "./schema";

const testDb = useTestDatabase();
// The pool, prepared statements and timeouts are postgres.js settings; PGlite has one in-process session.
const onPostgres = () => Boolean(process.env.TEST_DATABASE_URL);

/** How many prepared statements of this session have exactly this text. */
const prepared = async (db: typeof testDb.db, text: string) =>
  rowsAs(
    await db.execute(sql`SELECT count(*) AS n FROM pg_prepared_statements WHERE statement = ${text}`),
    z.object({ n: col.int }),
  )[0].n;

describe("PostgreSQL connections", () => {
  it.skipIf(!onPostgres())(
    "parameterised statements are prepared once per connection, in and out of transactions",
    async () => {
      const handle = await openPostgres(testDb.handle.url!, { max: 1 });
      try {
        for (let id = 1; id <= 5; id++) {
          await handle.db.select({ id: users.id }).from(users).where(eq(users.id, id));
        }
        // Five executions of one statement text: one prepared statement, planned once.
        expect(await prepared(handle.db, 'select "id" from "users" where "users"."id" = $1')).toBe(1);
        await handle.db.transaction(async (tx) => {
          await tx.select({ email: users.email }).from(users).where(eq(users.id, 1));
          await tx.transaction(async (inner) => {
            await inner.select({ name: users.name }).from(users).where(eq(users.id, 1));
          });
        });
        expect(await prepared(handle.db, 'select "email" from "users" where "users"."id" = $1')).toBe(1);
        expect(await prepared(handle.db, 'select "name" from "users" where "users"."id" = $1')).toBe(1);
      } finally {
        await handle.close();
      }
    },
  );

  it.skipIf(!onPostgres())(
    "a statement past the timeout is cancelled and answers 503 with a retry hint, not a 500",
    async () => {
      const handle = await openPostgres(testDb.handle.url!, { max: 1, statementTimeoutMs: 100 });
      try {
        const error = await handle.db.execute(sql`SELECT pg_sleep(${2})`).then(
          () => null,
          (e: unknown) => e,
        );
        expect(isStatementTimeout(error)).toBe(true);
        const response = toErrorResponse(error);
        expect(response.status).toBe(503);
        expect(response.headers.get("Retry-After")).toBe("5");
        expect(await response.json()).toEqual({
          success: false,
          error: "This took too long and was stopped. Narrow the filters or try again in a moment.",
          code: "database_timeout",
        });
        // The connection is still usable afterwards.
        expect(rowsAs(await handle.db.execute(sql`SELECT ${7}::int AS n`), z.object({ n: col.int }))).toEqual(
          [{ n: 7 }],
        );
      } finally {
        await handle.close();
      }
    },
  );
});
