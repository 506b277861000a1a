"use client";

import { useState } from "react";
import { Button, type ButtonProps } from "./button";

/** Copies `value` and says so for two seconds (visibly and to screen readers). */
export function CopyButton({
  value,
  label,
  copiedLabel = "Copied!",
  ...props
}: { value: string; label: string; copiedLabel?: string } & Omit<ButtonProps, "onClick" | "children">) {
  const [copied, setCopied] = useState(false);
  const [failed, setFailed] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setFailed(false);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setFailed(true);
    }
  }

  return (
    <Button variant="secondary" size="sm" onClick={copy} {...props}>
      <span aria-live="polite">
        {copied ? copiedLabel : failed ? "Copy failed — select and copy" : label}
      </span>
    </Button>
  );
}
