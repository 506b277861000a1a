// SVG presentation attributes cannot read CSS variables, so the charts take the design tokens' colours
// as literal values (brand-600/300, ink-400/200 of app/globals.css, converted to hex).
export const chartColors = {
  brand: "#7c3aed",
  brandSoft: "#c4b5fd",
  accent: "#0f766e",
  grid: "#e5e7eb",
  axis: "#6b7280",
} as const;

export const axisTick = { fill: chartColors.axis, fontSize: 12 } as const;
