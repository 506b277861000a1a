import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

// PGlite and postgres.js databases share this shape; domain code never knows which one it has.
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
// Domain functions take either, so a caller can compose them inside its own transaction.
export type DbOrTx = Db | Tx;
