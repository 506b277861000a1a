// A tap on every statement Drizzle sends, for tests and benchmarks that count the round trips of a
// request ("a signup in ≤ 10 statements"). Off unless a listener is installed; costs one check per query.
import type { Logger } from "drizzle-orm/logger";

type Listener = (query: string) => void;
let listener: Listener | null = null;

export const statementTap: Logger = {
  logQuery(query) {
    listener?.(query);
  },
};

/** Runs `work` and returns the statements it sent (transaction control by the driver not included). */
export async function recordStatements<T>(
  work: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const previous = listener;
  listener = (query) => {
    statements.push(query);
    previous?.(query);
  };
  try {
    const result = await work();
    return { result, statements };
  } finally {
    listener = previous;
  }
}
