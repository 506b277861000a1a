import type { ReactNode } from "react";
import { Card } from "./card";

/** One headline number with its label and an optional note underneath. */
export function StatCard({ label, value, note }: { label: string; value: ReactNode; note?: ReactNode }) {
  return (
    <Card className="px-5 py-4">
      <p className="text-sm font-medium text-ink-600">{label}</p>
      <p className="mt-1 text-2xl font-semibold tracking-tight text-ink-900 tabular-nums">{value}</p>
      {note ? <p className="mt-1 text-xs text-ink-500">{note}</p> : null}
    </Card>
  );
}
