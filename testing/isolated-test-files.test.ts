import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ISOLATED_TEST_FILES } from "./isolated-test-files";

const root = fileURLToPath(new URL("..", import.meta.url));
const SKIP = new Set(["node_modules", ".next", ".git", ".data", "e2e"]); // top-level folders

function testFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory())
      return (dir === "" && SKIP.has(entry.name)) || entry.name === "node_modules" ? [] : testFiles(rel);
    return entry.name.endsWith(".test.ts") ? [rel] : [];
  });
}

// What a file may only do with a module graph of its own: mocked modules and stubbed globals or
// environment stay in the worker's shared modules otherwise and leak into the next file.
const NEEDS_ISOLATION =
  /vi\.(mock|doMock|stubEnv|stubGlobal|resetModules)\(|process\.env(\.[A-Z_]+|\[[^\]]+\])\s*=[^=]|delete process\.env/;

describe("test isolation", () => {
  const files = testFiles("");

  it("runs every file that mocks modules or changes process.env in a module graph of its own", () => {
    const needing = files.filter((file) => NEEDS_ISOLATION.test(readFileSync(path.join(root, file), "utf8")));
    expect(needing.length).toBeGreaterThan(0);
    expect(needing.filter((file) => !ISOLATED_TEST_FILES.includes(file))).toEqual([]);
  });

  it("lists only files that exist", () => {
    expect(ISOLATED_TEST_FILES.filter((file) => !files.includes(file))).toEqual([]);
  });
});
