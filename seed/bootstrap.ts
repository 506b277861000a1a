import { getDb } from "@/db/client";
import { demoAccounts, demoPassword, hasUsers, seedDemo } from "@/seed/seed";

const state = ((globalThis as { __musenestBoot?: { ready?: Promise<void> } }).__musenestBoot ??= {});

/**
 * Opens and migrates the database and, on an empty one, seeds the demo data and prints how to sign in.
 * Runs once per process (server start and the readiness route share it). DEMO_SEED=off skips the demo.
 */
export function ensureReady(): Promise<void> {
  state.ready ??= (async () => {
    const db = await getDb();
    if (process.env.DEMO_SEED === "off" || (await hasUsers(db))) return;
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
  })().catch((error) => {
    state.ready = undefined;
    throw error;
  });
  return state.ready;
}
