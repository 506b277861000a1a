/**
 * RFC 8058 one-click unsubscribe: a mail provider POSTs `List-Unsubscribe=One-Click` to the link in the
 * message's List-Unsubscribe header — `/unsubscribe?token=…`, the same URL whose GET shows the confirmation
 * page — from its own servers, with no cookie and no Origin. The signed token is the authority, so this one
 * path is exempt from the same-site write rule, and the proxy hands its POSTs to the route handler beside
 * the page (a page cannot take a plain POST itself).
 */
export const UNSUBSCRIBE_PATH = "/unsubscribe";
export const ONE_CLICK_HANDLER_PATH = "/unsubscribe/one-click";

/** A write the same-site rule lets through: the one-click unsubscribe (and its handler) only. */
export function isOneClickUnsubscribe(method: string, pathname: string): boolean {
  return (
    method.toUpperCase() === "POST" && (pathname === UNSUBSCRIBE_PATH || pathname === ONE_CLICK_HANDLER_PATH)
  );
}

/** Whether the proxy should rewrite this request to the one-click handler (a plain POST, not a server action). */
export function rewritesToOneClickHandler(
  method: string,
  pathname: string,
  nextAction: string | null,
): boolean {
  return method.toUpperCase() === "POST" && pathname === UNSUBSCRIBE_PATH && !nextAction;
}
