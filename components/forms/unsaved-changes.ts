"use client";

import { useEffect } from "react";

// Forms with unsaved edits, page-wide: one warning however many forms are dirty.
const dirtyForms = new Set<string>();
export const LEAVE_QUESTION = "You have unsaved changes. Leave this page and lose them?";

function onBeforeUnload(event: BeforeUnloadEvent) {
  event.preventDefault();
  event.returnValue = ""; // older browsers need it set to show their own prompt
}

/**
 * In-app links don't unload the page, so beforeunload never fires for them: a click on a link is caught
 * first (capture phase on the document, before React's own handler at the root) and let through only if
 * the admin confirms leaving.
 */
function onLinkClick(event: MouseEvent) {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return; // a new tab loses nothing
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download"))
    return;
  const to = new URL(link.href, window.location.href);
  const here = window.location;
  if (to.pathname === here.pathname && to.search === here.search && to.hash) return; // an anchor on this page
  if (!window.confirm(LEAVE_QUESTION)) {
    event.preventDefault();
    event.stopPropagation();
  }
}

function sync() {
  if (dirtyForms.size) {
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onLinkClick, true);
  } else {
    window.removeEventListener("beforeunload", onBeforeUnload);
    document.removeEventListener("click", onLinkClick, true);
  }
}

/** Warns before leaving the page (closing, reloading, or following a link) while `dirty` is true. */
export function useUnsavedChanges(key: string, dirty: boolean): void {
  useEffect(() => {
    if (dirty) dirtyForms.add(key);
    else dirtyForms.delete(key);
    sync();
    return () => {
      dirtyForms.delete(key);
      sync();
    };
  }, [key, dirty]);
}
