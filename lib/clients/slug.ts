import { randomBytes } from "node:crypto";

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return slug || "client";
}

/**
 * The slug candidates a signup checks in one statement (readSignupFacts): the name's slug, then two with a
 * random suffix; `lastResortSlug` when all three are taken.
 */
export function slugCandidates(name: string): string[] {
  const base = slugify(name);
  return [base, `${base}-${randomBytes(3).toString("hex")}`, `${base}-${randomBytes(3).toString("hex")}`];
}

export function lastResortSlug(name: string): string {
  return `${slugify(name)}-${randomBytes(6).toString("hex")}`;
}
