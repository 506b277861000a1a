import { describe, expect, it } from "vitest";
import { mainCode } from "./main-code";

const now = new Date("2026-12-01T12:00:00Z");
const code = (code: string, over: Partial<Parameters<typeof mainCode>[0][number]> = {}) => ({
  code,
  isActive: true,
  expiresAt: null as Date | null,
  usageCount: 0,
  usageLimit: null as number | null,
  createdAt: new Date("2026-01-01T00:00:00Z"),
  ...over,
});

describe("mainCode", () => {
  it.each([
    ["no codes", [], null],
    ["the only code", [code("A")], "A"],
    ["the most used usable code", [code("A", { usageCount: 3 }), code("B", { usageCount: 9 })], "B"],
    [
      "the oldest on a tie",
      [
        code("NEW", { usageCount: 2, createdAt: new Date("2026-06-01T00:00:00Z") }),
        code("OLD", { usageCount: 2, createdAt: new Date("2026-02-01T00:00:00Z") }),
      ],
      "OLD",
    ],
    [
      "a busier code that can't be used is passed over",
      [
        code("FULL", { usageCount: 5, usageLimit: 5 }),
        code("OFF", { usageCount: 8, isActive: false }),
        code("GONE", { usageCount: 7, expiresAt: now }),
        code("OK", { usageCount: 1 }),
      ],
      "OK",
    ],
    [
      "the first code when none is usable",
      [code("X", { isActive: false }), code("Y", { isActive: false })],
      "X",
    ],
  ])("%s", (_, codes, want) => {
    expect(mainCode(codes, now)?.code ?? null).toBe(want);
  });
});
