import { describe, expect, it } from "vitest";
import { recordStatements } from "@/db/statement-log";
import { makeReferrer, signupWith } from "@/testing/rewards";
import { useTestDatabase } from "@/testing/use-test-database";

const testDb = useTestDatabase();

describe("a signup's round trips", () => {
  it("count", async () => {
    const { code } = await makeReferrer(testDb);
    await signupWith(testDb.db, code);
    const { statements } = await recordStatements(() => signupWith(testDb.db, code));
    console.log(
      statements.length + "\n" + statements.map((s) => s.replace(/\s+/g, " ").slice(0, 150)).join("\n"),
    );
    expect(statements.length).toBeGreaterThan(0);
  });
});
