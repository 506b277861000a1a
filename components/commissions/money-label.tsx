import { TermHint } from "@/components/ui/term-hint";
import { MONEY_TERMS, type MoneyState } from "@/lib/money-states";

/** A money state's one name with its explanation a hover or tap away (lib/money-states.ts). */
export function MoneyLabel({ state }: { state: MoneyState | "earned" }) {
  const term = MONEY_TERMS[state];
  return (
    <span className="inline-flex items-center gap-0.5" data-money-state={state}>
      <span>{term.label}</span>
      <TermHint term={term.label} explanation={term.explanation} />
    </span>
  );
}
