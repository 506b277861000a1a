import postgres from "postgres";
const c = postgres("postgres://postgres@127.0.0.1:5432/mn_million");
await c.unsafe("ANALYZE");
await c.end();
