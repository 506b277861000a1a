import { describe, expect, it } from "vitest";
import { lastDays } from "./time-windows";

describe("lastDays", () => {
  it("is the N whole UTC days ending today, today included", () => {
    const w = lastDays(new Date("2026-03-30T23:59:59Z"), 30);
    expect(w).toEqual({
      firstDay: "2026-03-01",
      lastDay: "2026-03-30",
      since: new Date("2026-03-01T00:00:00Z"),
      days: 30,
    });
  });

  it("starts at the same midnight whatever the time of day", () => {
    expect(lastDays(new Date("2026-01-07T00:00:00Z"), 7).since).toEqual(new Date("2026-01-01T00:00:00Z"));
    expect(lastDays(new Date("2026-01-07T18:30:00Z"), 7).since).toEqual(new Date("2026-01-01T00:00:00Z"));
  });

  it("crosses a year and a leap day", () => {
    expect(lastDays(new Date("2024-03-01T12:00:00Z"), 2).firstDay).toBe("2024-02-29");
    expect(lastDays(new Date("2026-01-01T12:00:00Z"), 1)).toMatchObject({
      firstDay: "2026-01-01",
      lastDay: "2026-01-01",
    });
  });
});
