import { describe, expect, it } from "vitest";
import { shortBoardNote } from "./leaderboard-note";

describe("shortBoardNote", () => {
  it("says why a top 10 shows fewer rows", () => {
    expect(shortBoardNote(4, 10, "30d")).toBe(
      "Only 4 referrers have a referral in the last 30 days yet, so the board shows 4 rows of 10.",
    );
    expect(shortBoardNote(1, 10, "all")).toBe(
      "Only 1 referrer has a referral yet, so the board shows 1 row of 10.",
    );
  });

  it("says nothing for a full board or an empty one (that has its own empty state)", () => {
    expect(shortBoardNote(10, 10, "30d")).toBeNull();
    expect(shortBoardNote(0, 10, "all")).toBeNull();
  });
});
