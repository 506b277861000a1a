/** The panel's path for a token, relative so the integration prefixes the origin it reaches us on. */
export function embedPanelPath(token: string): string {
  return `/embed/referrals?token=${encodeURIComponent(token)}`;
}
