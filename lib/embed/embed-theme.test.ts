import { describe, expect, it } from "vitest";
import { embedPanelQuerySchema } from "@/lib/validation/embed";
import { contrastRatio, embedThemeVariables } from "./embed-theme";

describe("embedThemeVariables", () => {
  it("leaves the app's own light look alone when no accent is given", () => {
    expect(embedThemeVariables("light")).toEqual({});
  });

  it.each(["#ffee00", "#00ffff", "#111111", "#7c3aed", "#ff0000"])(
    "keeps AA contrast for buttons and links with accent %s, light and dark",
    (accent) => {
      const light = embedThemeVariables("light", accent);
      expect(contrastRatio(light["--color-brand-600"], "#ffffff")).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(light["--color-brand-700"], "#ffffff")).toBeGreaterThanOrEqual(4.5);
      const dark = embedThemeVariables("dark", accent);
      const surface = dark["--color-white"];
      expect(contrastRatio(dark["--color-brand-600"], surface)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(dark["--color-brand-700"], surface)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(dark["--color-ink-500"], surface)).toBeGreaterThanOrEqual(4.5);
    },
  );
});

describe("embedPanelQuerySchema", () => {
  it("accepts light/dark and a #RRGGBB accent, and falls back to the defaults for anything else", () => {
    expect(embedPanelQuerySchema.parse({ theme: "dark", accent: "#0EA5E9" })).toMatchObject({
      theme: "dark",
      accent: "#0ea5e9",
    });
    const bad = embedPanelQuerySchema.parse({ theme: "neon", accent: "red;background:url(x)" });
    expect(bad).toMatchObject({ theme: "light", accent: undefined });
  });
});
