// `npm run api-key -- --name NAME`: creates an API key and prints it once.
import { parseArgs } from "node:util";
import { openConfiguredDatabase, runMigrations } from "@/db/open";
import { createApiKey } from "./api-keys";

const { values } = parseArgs({ options: { name: { type: "string" } } });
const name = values.name?.trim();
if (!name) {
  console.error("Usage: npm run api-key -- --name NAME");
  process.exit(2);
}
const handle = await openConfiguredDatabase();
try {
  await runMigrations(handle);
  const created = await createApiKey(handle.db, { name });
  console.log(
    `API key "${created.name}" (id ${created.id}) created. It is shown only now:\n\n  ${created.key}\n`,
  );
  console.log("Send it as:  Authorization: Bearer <key>");
} finally {
  await handle.close();
}
