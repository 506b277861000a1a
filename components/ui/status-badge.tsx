import { Badge, type BadgeTone } from "./badge";

/** What each status of a resource looks like: its word and the tone that repeats it in colour. */
export type StatusBadges<S extends string> = Record<S, { label: string; tone: BadgeTone }>;

/** A status in words from its resource's map; the colour only repeats them. */
export function StatusBadge<S extends string>({ badges, status }: { badges: StatusBadges<S>; status: S }) {
  const { label, tone } = badges[status];
  return <Badge tone={tone}>{label}</Badge>;
}
