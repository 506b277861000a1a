// The action wrapper is a public POST endpoint's first code: hand-made requests can pass anything as
// the form (an empty argument list, a string, an object) and must get an error state, never a 500.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { action } from "./action";
import { idleState } from "./action-state";

describe("action wrapper", () => {
  const run = action({ access: "public", schema: z.object({ name: z.string() }) }, async () => ({
    status: "success",
  }));

  it.each([undefined, null, "x", 5, [], { name: "Maya" }])("refuses %j in place of the form", async (bad) => {
    const state = await run(idleState, bad as unknown as FormData);
    expect(state).toEqual({
      status: "error",
      message: "This form could not be read. Reload the page and try again.",
    });
  });
});
