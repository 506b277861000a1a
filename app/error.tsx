"use client";

import { useEffect } from "react";
import { Button, ButtonLink } from "@/components/ui/button";

// Next 16 passes `retry` (re-fetch and re-render the segment); the thrown value is deliberately never
// shown: server errors arrive redacted anyway, and client errors may carry details users shouldn't see.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="mx-auto flex max-w-lg flex-col items-center px-4 py-20 text-center sm:py-28">
      <span aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-red-50">
        <svg
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.75"
          className="size-6 text-red-600"
        >
          <path
            strokeLinecap="round"
            strokeLinejoin="round"
            d="M12 9v3.75m9-.75a9 9 0 1 1-18 0 9 9 0 0 1 18 0Zm-9 3.75h.008v.008H12v-.008Z"
          />
        </svg>
      </span>
      <h1 className="mt-4 text-2xl font-bold tracking-tight text-ink-950">Something went wrong</h1>
      <p className="mt-3 text-ink-600">
        We couldn&apos;t load this page. Please try again, or come back in a moment.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Button onClick={() => retry()}>Try again</Button>
        <ButtonLink href="/" variant="secondary">
          Go to the home page
        </ButtonLink>
      </div>
    </div>
  );
}
