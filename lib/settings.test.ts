import { afterEach, describe, expect, it } from "vitest";
import { appSettings } from "@/db/schema";
import { useTestDatabase } from "@/testing/use-test-database";
import { getSetting, setSetting } from "./settings";

const testDb = useTestDatabase();

describe("settings", () => {
  afterEach(async () => {
    delete process.env.COMMISSION_HOLD_DAYS;
    await testDb.db.delete(appSettings);
  });

  it("falls back to the default", async () => {
    expect(await getSetting(testDb.db, "commissionHoldDays")).toBe(30);
    expect(await getSetting(testDb.db, "minimumPayoutCents")).toBe(5000);
  });

  it("reads the environment, and a stored value wins over it", async () => {
    process.env.COMMISSION_HOLD_DAYS = "14";
    expect(await getSetting(testDb.db, "commissionHoldDays")).toBe(14);
    await setSetting(testDb.db, "commissionHoldDays", 7);
    expect(await getSetting(testDb.db, "commissionHoldDays")).toBe(7);
  });

  it("ignores a value that does not fit the setting's schema", async () => {
    process.env.COMMISSION_HOLD_DAYS = "forever";
    expect(await getSetting(testDb.db, "commissionHoldDays")).toBe(30);
    await expect(setSetting(testDb.db, "commissionHoldDays", -1)).rejects.toThrow();
  });
});
