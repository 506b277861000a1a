import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

// The docs page's viewer, @scalar/api-reference's single-file browser build, served from our own origin:
// Scalar's integrations load it from a CDN by default, and this app loads nothing from other hosts.
const PACKAGE_DIR = path.join(process.cwd(), "node_modules/@scalar/api-reference");

let bundle: Promise<{ version: string; source: Buffer }> | undefined;

/** The bundle and its package version (read once per process; it changes only with `npm install`). */
export function scalarBundle() {
  bundle ??= (async () => {
    const pkg = JSON.parse(await readFile(path.join(PACKAGE_DIR, "package.json"), "utf8")) as {
      version: string;
    };
    const source = await readFile(path.join(PACKAGE_DIR, "dist/browser/standalone.js"));
    return { version: pkg.version, source };
  })();
  return bundle;
}
