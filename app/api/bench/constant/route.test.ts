import { afterEach, describe, expect, it, vi } from "vitest";
import { GET } from "./route";

describe("GET /api/bench/constant (the bench's baseline route)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is not found in production: 404 unless the server was started with MUSENEST_BENCH=1", async () => {
    vi.stubEnv("MUSENEST_BENCH", undefined);
    const res = GET();
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ success: false, error: "Not found" });
    for (const value of ["", "0", "true", "yes"]) {
      vi.stubEnv("MUSENEST_BENCH", value);
      expect(GET().status).toBe(404);
    }
  });

  it("answers a constant JSON body when the bench started the server", async () => {
    vi.stubEnv("MUSENEST_BENCH", "1");
    const res = GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(await res.json()).toEqual({ success: true, data: { status: "ok", items: [1, 2, 3] } });
  });
});
