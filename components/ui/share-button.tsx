"use client";

import { useState } from "react";
import { Button, type ButtonProps } from "./button";

/**
 * Opens the system share sheet (`navigator.share`: WhatsApp, Messages, Mail … on a phone) with the message
 * and the link. Where the browser has no share sheet (most desktops), or it refuses this content, the
 * message and link are copied instead, and the button says so — a click always does something.
 */
export function ShareButton({
  title,
  text,
  url,
  label = "Share",
  ...props
}: { title: string; text: string; url: string; label?: string } & Omit<ButtonProps, "onClick" | "children">) {
  const [said, setSaid] = useState<string | null>(null);

  function flash(message: string) {
    setSaid(message);
    setTimeout(() => setSaid(null), 2500);
  }

  async function share() {
    const data = { title, text, url };
    if (typeof navigator.share === "function" && (navigator.canShare?.(data) ?? true)) {
      try {
        await navigator.share(data);
        return;
      } catch (error) {
        // The person closed the sheet: nothing to do. Anything else falls through to copying.
        if ((error as DOMException).name === "AbortError") return;
      }
    }
    try {
      await navigator.clipboard.writeText(`${text} ${url}`);
      flash("Message and link copied");
    } catch {
      flash("Sharing unavailable — copy the link");
    }
  }

  return (
    <Button onClick={share} {...props}>
      <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-4">
        <path d="M13 4.5a2.5 2.5 0 1 1 .7 1.74L7.9 9.15a2.5 2.5 0 0 1 0 1.7l5.8 2.9a2.5 2.5 0 1 1-.67 1.34l-5.8-2.9a2.5 2.5 0 1 1 0-4.38l5.8-2.9A2.5 2.5 0 0 1 13 4.5Z" />
      </svg>
      <span aria-live="polite">{said ?? label}</span>
    </Button>
  );
}
