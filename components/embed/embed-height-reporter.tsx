"use client";

import { useEffect } from "react";

/**
 * Tells the page framing the panel how tall it is — `{ type: "musenest:height", height }` by postMessage,
 * on load and whenever it resizes (ResizeObserver) — so the host can size its iframe to fit. Posted only to
 * the allowed embedding origins: a page that may not frame the panel learns nothing.
 */
export function EmbedHeightReporter({ targetId, origins }: { targetId: string; origins: string[] }) {
  useEffect(() => {
    const element = document.getElementById(targetId);
    if (!element || window.parent === window) return;
    let last = -1;
    const send = () => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      for (const origin of origins) window.parent.postMessage({ type: "musenest:height", height }, origin);
    };
    const observer = new ResizeObserver(send);
    observer.observe(element);
    send();
    return () => observer.disconnect();
  }, [targetId, origins]);
  return null;
}
