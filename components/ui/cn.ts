export type ClassValue = string | false | null | undefined | 0;

/** Joins the truthy class names: `cn("a", isActive && "b")`. */
export function cn(...classes: ClassValue[]): string {
  return classes.filter(Boolean).join(" ");
}
