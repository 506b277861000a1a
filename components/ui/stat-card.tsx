import type { ReactNode } from "react";
import { Card } from "./card";

/** One headline number with its label and an optional note underneath. */
export function StatCard({
  label,
  value,
  note,
  testId,
}: {
  label: ReactNode;
  value: ReactNode;
  note?: ReactNode;
  /** Names the card for tests that read its figure (`data-testid`). */
  testId?: string;
}) {
  return (
    <Card className="px-5 py-4" data-testid={testId}>
      <p className="text-sm font-medium text-ink-600">{label}</p>
      <p data-figure className="mt-1 text-2xl font-semibold tracking-tight text-ink-900 tabular-nums">
        {value}
      </p>
      {note ? (
        <p data-note className="mt-1 text-xs text-ink-500">
          {note}
        </p>
      ) : null}
    </Card>
  );
}
