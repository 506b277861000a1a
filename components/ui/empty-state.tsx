import type { ReactNode } from "react";
import { cn } from "./cn";

export type EmptyStateProps = {
  title: ReactNode;
  text?: ReactNode;
  /** A ButtonLink or Button that gets the user out of the empty state. */
  action?: ReactNode;
  /** Heading level of the title, so it fits the page outline. Defaults to h2. */
  headingLevel?: "h2" | "h3" | "h4";
  className?: string;
};

/** What a list shows when it has nothing yet: say why, and offer the next step. */
export function EmptyState({
  title,
  text,
  action,
  headingLevel: Heading = "h2",
  className,
}: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center rounded-card border border-dashed border-ink-300 bg-white px-6 py-12 text-center",
        className,
      )}
    >
      <span
        aria-hidden="true"
        className="mb-4 flex size-11 items-center justify-center rounded-full bg-brand-50"
      >
        <svg
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.75"
          className="size-5 text-brand-600"
        >
          <path
            strokeLinecap="round"
            strokeLinejoin="round"
            d="M3.75 9.75h16.5M5.25 5.25h13.5a1.5 1.5 0 0 1 1.5 1.5v10.5a1.5 1.5 0 0 1-1.5 1.5H5.25a1.5 1.5 0 0 1-1.5-1.5V6.75a1.5 1.5 0 0 1 1.5-1.5Z"
          />
        </svg>
      </span>
      <Heading className="text-base font-semibold text-ink-900">{title}</Heading>
      {text ? <p className="mt-1 max-w-md text-sm text-ink-600">{text}</p> : null}
      {action ? <div className="mt-5">{action}</div> : null}
    </div>
  );
}
