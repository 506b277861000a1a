// Server-level chores for the test harness (create, copy and drop databases). Kept apart from the
// app's client: these statements run outside any database the tests use.
import postgres from "postgres";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** Tests create and drop databases: refuse anything but a server on this machine. */
export function assertLocalDatabaseUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("TEST_DATABASE_URL is not a valid URL");
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new Error(`TEST_DATABASE_URL must be a postgres:// URL, got ${parsed.protocol}`);
  }
  const hosts = [parsed.hostname];
  // libpq-style ?host= overrides the authority; a socket directory (absolute path) is local too.
  const queryHost = parsed.searchParams.get("host");
  if (queryHost !== null && !queryHost.startsWith("/")) hosts.push(queryHost);
  for (const host of hosts) {
    if (!LOCAL_HOSTS.has(host.toLowerCase())) {
      throw new Error(
        `Refusing to run tests against database host "${host}": TEST_DATABASE_URL must point at localhost, 127.0.0.1 or ::1`,
      );
    }
  }
}

/** The same server and credentials, another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Runs one statement on its own short-lived connection (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await client.unsafe(statement);
  } finally {
    await client.end({ timeout: 5 });
  }
}
