// E-mail clients ignore CSS variables and most do not know oklch, so the e-mails carry the brand scale of
// app/globals.css as hex (converted from its oklch values; a rebrand changes both places).
export const PROGRAM_NAME = "MuseNest Referrals";

export const emailColors = {
  brand50: "#f5f3ff",
  brand600: "#7f22fe",
  brand700: "#7008e7",
  ink50: "#f9fafb",
  ink100: "#f3f4f6",
  ink200: "#e5e7eb",
  ink500: "#6a7282",
  ink600: "#4a5565",
  ink700: "#364153",
  ink900: "#101828",
  white: "#ffffff",
} as const;

export const emailFont =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
