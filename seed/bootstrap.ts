import { getDatabaseHandle } from "@/db/client";
import type { DatabaseHandle } from "@/db/open";
import { demoAccounts, demoPassword, hasUsers, seedDemo } from "@/seed/seed";

type Ready = { database: DatabaseHandle["kind"] };
const state = ((globalThis as { __musenestBoot?: { ready?: Promise<Ready> } }).__musenestBoot ??= {});

/**
 * Opens and migrates the database and, on an empty one, seeds the demo data and prints how to sign in.
 * Runs once per process (server start and the readiness route share it). DEMO_SEED=off skips the demo.
 * Resolves to which database it is (PGlite or PostgreSQL).
 */
export function ensureReady(): Promise<Ready> {
  state.ready ??= (async () => {
    const { db, kind } = await getDatabaseHandle();
    const ready = { database: kind };
    if (process.env.DEMO_SEED === "off" || (await hasUsers(db))) return ready;
    await seedDemo(db);
    const password = demoPassword();
    const lines = demoAccounts
      .filter((a) => a.email === "admin@example.com" || a.email === "maya@example.com")
      .map((a) => `    ${a.role.padEnd(6)}  ${a.email}`);
    console.log(
      [
        "",
        "  MuseNest Referrals — demo data created. Sign in with:",
        ...lines,
        `    password ${process.env.DEMO_PASSWORD ? "(from DEMO_PASSWORD)" : password}`,
        "",
      ].join("\n"),
    );
    return ready;
  })().catch((error) => {
    state.ready = undefined;
    throw error;
  });
  return state.ready;
}
