// Server actions are found on disk, so an authorization test covers a new action the moment it exists:
// every module under `dir` that starts with "use server" (tests excluded), skipping folders in `skip`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export function serverActionModules(dir: string, skip: string[] = []): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return skip.includes(full) ? [] : serverActionModules(full, skip);
    if (!/\.(ts|tsx)$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    const source = readFileSync(full, "utf8").trimStart();
    return /^["']use server["']/.test(source) ? [full] : [];
  });
}
