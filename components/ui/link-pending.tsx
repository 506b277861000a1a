"use client";

import { useLinkStatus } from "next/link";

/** Inside a next/link: a small pulsing dot while the navigation it started is loading. */
export function LinkPending() {
  const { pending } = useLinkStatus();
  return (
    <span
      aria-hidden="true"
      className={
        pending
          ? "ml-1.5 inline-block size-1.5 animate-pulse rounded-full bg-brand-500 align-middle"
          : "ml-1.5 inline-block size-1.5 align-middle"
      }
    />
  );
}
