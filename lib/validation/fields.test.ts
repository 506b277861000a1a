import { describe, expect, it } from "vitest";
import {
  calendarDate,
  cents,
  CENTS_MAX,
  dbId,
  dbIdText,
  DB_ID_MAX,
  email,
  isoTimestamp,
  text,
  unixSeconds,
} from "./fields";

describe("text", () => {
  const name = text("Name", { max: 10 });
  it("trims and keeps ordinary text, including unicode", () => {
    expect(name.parse("  Maya  ")).toBe("Maya");
    expect(name.parse("Zoë 🎨")).toBe("Zoë 🎨");
  });
  it("refuses NUL, other control characters and line breaks in single-line text", () => {
    for (const bad of ["a\u0000b", "a\u0007b", "a\nb", "a\u009bb"]) {
      const r = name.safeParse(bad);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe("Name must not contain control characters");
    }
  });
  it("allows line breaks but not NUL in multi-line text", () => {
    const notes = text("Notes", { max: 100, multiline: true, min: 0 });
    expect(notes.parse("line 1\nline 2\ttab")).toBe("line 1\nline 2\ttab");
    expect(notes.safeParse("a\u0000").success).toBe(false);
  });
  it("bounds the length and names the field", () => {
    expect(name.safeParse("x".repeat(11)).error?.issues[0]?.message).toBe(
      "Name must be at most 10 characters",
    );
    expect(name.safeParse("   ").error?.issues[0]?.message).toBe("Name is required");
    expect(name.safeParse(5).error?.issues[0]?.message).toBe("Name must be text");
  });
  it("keeps a form's own wording where one was already shown, the control check unchanged", () => {
    const reference = text("Reference", {
      min: 3,
      max: 5,
      messages: { type: "Enter the reference", required: "At least 3", tooLong: "At most 5" },
    });
    expect(reference.safeParse(undefined).error?.issues[0]?.message).toBe("Enter the reference");
    expect(reference.safeParse("ab").error?.issues[0]?.message).toBe("At least 3");
    expect(reference.safeParse("abcdef").error?.issues[0]?.message).toBe("At most 5");
    expect(reference.safeParse("ab\u0000c").error?.issues[0]?.message).toBe(
      "Reference must not contain control characters",
    );
  });
});

describe("numbers", () => {
  it("dbId accepts 1…2^31−1 and nothing else", () => {
    expect(dbId("id").parse(DB_ID_MAX)).toBe(DB_ID_MAX);
    for (const bad of [0, -1, DB_ID_MAX + 1, 1.5, "1", Number.NaN, Infinity, null]) {
      expect(dbId("id").safeParse(bad).success).toBe(false);
    }
  });
  it("dbIdText reads path segments", () => {
    expect(dbIdText("id").parse("42")).toBe(42);
    for (const bad of ["0", "2147483648", "99999999999", "1e3", "-1", "1.0", "x", ""]) {
      expect(dbIdText("id").safeParse(bad).success).toBe(false);
    }
  });
  it("cents are whole and bounded", () => {
    expect(cents("amount", { min: 1 }).parse(CENTS_MAX)).toBe(CENTS_MAX);
    expect(cents("amount").safeParse(CENTS_MAX + 1).success).toBe(false);
    expect(cents("amount").safeParse(9e15).success).toBe(false);
    expect(cents("amount").safeParse(1.5).success).toBe(false);
    expect(cents("amount", { min: 1 }).safeParse(0).error?.issues[0]?.message).toBe(
      "amount must be positive",
    );
  });
});

describe("dates", () => {
  it("calendarDate keeps real days within 2000–2100", () => {
    expect(calendarDate("Start").parse("2025-02-28")).toBe("2025-02-28");
    for (const bad of ["2025-02-30", "9999-12-31", "1999-12-31", "2101-01-01", "2025-1-1", "yesterday"]) {
      expect(calendarDate("Start").safeParse(bad).success).toBe(false);
    }
  });
  it("isoTimestamp needs an offset and a sane year", () => {
    expect(isoTimestamp("at").parse("2025-12-01T12:00:00Z").toISOString()).toBe("2025-12-01T12:00:00.000Z");
    expect(isoTimestamp("at").safeParse("9999-12-31T00:00:00Z").success).toBe(false);
    expect(isoTimestamp("at").safeParse("2025-12-01").success).toBe(false);
  });
  it("unixSeconds refuses far-future and fractional times", () => {
    expect(unixSeconds("created").parse(1_764_590_400).toISOString()).toBe("2025-12-01T12:00:00.000Z");
    expect(unixSeconds("created").safeParse(9e15).success).toBe(false);
    expect(unixSeconds("created").safeParse(1.5).success).toBe(false);
    expect(unixSeconds("created").safeParse("yesterday").success).toBe(false);
  });
});

describe("email", () => {
  it("normalizes and refuses NUL", () => {
    expect(email().parse("  Maya@Example.COM ")).toBe("maya@example.com");
    expect(email().safeParse("maya\u0000@example.com").success).toBe(false);
    expect(email().safeParse(`${"a".repeat(250)}@example.com`).success).toBe(false);
  });
});
