/** The embeddable panel's pages: framable by EMBED_ALLOWED_ORIGINS, rendered without the site's chrome. */
export const EMBED_PATH_PREFIX = "/embed";

/** Set by proxy.ts on requests for an embed page (and removed from every other request). */
export const EMBED_REQUEST_HEADER = "x-musenest-embed";

export function isEmbedPath(pathname: string): boolean {
  return pathname === EMBED_PATH_PREFIX || pathname.startsWith(`${EMBED_PATH_PREFIX}/`);
}
