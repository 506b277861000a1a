// postgres.js for the in-process signup measurement (db/open.ts gets this module instead, through
// bench/hash-stub-hooks.mjs): the same client, counting the statements it sends, so the bench can print
// statements per signup.
import postgres from "postgres";

const counter = ((
  globalThis as { __benchStatements?: { total: number; text: Map<string, number> } }
).__benchStatements ??= { total: 0, text: new Map() });

function counting(url: string, options: postgres.Options<Record<string, postgres.PostgresType>> = {}) {
  return postgres(url, {
    ...options,
    debug: (_connection, query) => {
      if (query.includes("pg_catalog.pg_type")) return; // postgres.js's own type fetch per connection
      counter.total++;
      // Only the head is keyed: a regex over a whole multi-CTE statement costs more than its send.
      const key = query.slice(0, 240).replace(/\s+/g, " ").slice(0, 80);
      counter.text.set(key, (counter.text.get(key) ?? 0) + 1);
    },
  });
}

export default counting;
