// The embedded panel's colours (issue 16 part 3): `?theme=light|dark` and `&accent=#RRGGBB`. The panel is
// built from the app's own components, which use the ink/brand/white tokens of app/globals.css; a theme is
// therefore a set of overrides of those CSS variables on the panel's root element. The accent is adjusted
// until it keeps WCAG AA contrast (4.5:1) with the text drawn on it, so no accent makes a button unreadable.
import type { EmbedTheme } from "@/lib/validation/embed";

type Rgb = [number, number, number];

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
/** The dark theme's card surface (what `bg-white` paints there). */
const DARK_SURFACE = "#161b26";
/** The app's brand violet, the accent of the dark theme when none is given. */
export const DEFAULT_ACCENT = "#7c3aed";
const AA = 4.5;

// A dark neutral scale: the light scale's roles (50 = subtle surface … 900 = body text) on a dark card.
const DARK_INK: Record<string, string> = {
  "50": "#1d2330",
  "100": "#252c3a",
  "200": "#2f3747",
  "300": "#3d4657",
  "400": "#5b6475",
  "500": "#9aa3b2",
  "600": "#aeb6c3",
  "700": "#c5ccd6",
  "800": "#d8dde5",
  "900": "#e8ebf0",
  "950": "#f3f5f8",
};

function parseHex(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

function mix(a: Rgb, b: Rgb, amountOfB: number): Rgb {
  return [0, 1, 2].map((i) => a[i] + (b[i] - a[i]) * amountOfB) as Rgb;
}

/** WCAG 2 relative luminance. */
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(parseHex(a)), luminance(parseHex(b))].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `accent` moved towards `towards` in small steps until it reaches AA contrast against `against`. */
function readable(accent: Rgb, against: string, towards: Rgb): Rgb {
  let colour = accent;
  for (let step = 1; step <= 20 && contrastRatio(toHex(colour), against) < AA; step++) {
    colour = mix(accent, towards, step / 20);
  }
  return colour;
}

/** The CSS variables the panel's root sets for a theme and accent; none for the app's own light look. */
export function embedThemeVariables(theme: EmbedTheme, accent?: string): Record<string, string> {
  if (theme === "light" && !accent) return {};
  const vars: Record<string, string> = {};
  if (theme === "light") {
    // Buttons are white text on brand-600; links are brand-700 on white.
    const base = readable(parseHex(accent!), "#ffffff", BLACK);
    const shades: Array<[string, Rgb, number]> = [
      ["50", WHITE, 0.93],
      ["100", WHITE, 0.86],
      ["200", WHITE, 0.72],
      ["300", WHITE, 0.5],
      ["400", WHITE, 0.3],
      ["500", WHITE, 0.12],
      ["600", base, 0],
      ["700", BLACK, 0.15],
      ["800", BLACK, 0.3],
      ["900", BLACK, 0.45],
      ["950", BLACK, 0.6],
    ];
    for (const [shade, towards, amount] of shades)
      vars[`--color-brand-${shade}`] = toHex(mix(base, towards, amount));
    return vars;
  }
  // Dark: the scales turn over. "white" is the dark surface (so a primary button's text is dark on a light
  // accent), ink runs from dark surfaces to light text, and the accent is lightened until it reads on the card.
  const surface = parseHex(DARK_SURFACE);
  const base = readable(parseHex(accent ?? DEFAULT_ACCENT), DARK_SURFACE, WHITE);
  vars["--color-white"] = DARK_SURFACE;
  for (const [shade, value] of Object.entries(DARK_INK)) vars[`--color-ink-${shade}`] = value;
  const shades: Array<[string, Rgb, number]> = [
    ["50", surface, 0.82],
    ["100", surface, 0.72],
    ["200", surface, 0.55],
    ["300", surface, 0.35],
    ["400", surface, 0.15],
    ["500", base, 0],
    ["600", base, 0],
    ["700", WHITE, 0.15],
    ["800", WHITE, 0.3],
    ["900", WHITE, 0.45],
    ["950", WHITE, 0.6],
  ];
  for (const [shade, towards, amount] of shades)
    vars[`--color-brand-${shade}`] = toHex(mix(base, towards, amount));
  return vars;
}
