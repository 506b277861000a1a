import { codeUsability, type UsabilityFields } from "./code-usability";

/**
 * The code the dashboard's overview puts forward as "your invite link": a usable one that has brought the
 * most signups (the link people already answer to), the oldest on a tie. With no usable code, the first
 * one — the overview then says it can't be used and points to the codes page — or null with no codes.
 */
export function mainCode<C extends UsabilityFields & { createdAt: Date }>(codes: C[], now: Date): C | null {
  const usable = codes.filter((c) => codeUsability(c, now) === "active");
  if (!usable.length) return codes[0] ?? null;
  return usable.reduce((best, c) =>
    c.usageCount > best.usageCount ||
    (c.usageCount === best.usageCount && c.createdAt.getTime() < best.createdAt.getTime())
      ? c
      : best,
  );
}
