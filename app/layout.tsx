import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/nav/site-header";
import { getSessionUser } from "@/lib/auth/session";
import { EMBED_REQUEST_HEADER } from "@/lib/edge/embed-surface";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "MuseNest Referrals", template: "%s · MuseNest Referrals" },
  description:
    "Share MuseNest and earn on every client you bring: referral codes and links, live commissions, points, badges and rewards.",
  applicationName: "MuseNest Referrals",
};

export const viewport: Viewport = {
  themeColor: "#5b21b6",
  width: "device-width",
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The embeddable panel (/embed/*, marked by proxy.ts) sits in another site's page: no header, footer or
  // session look-up, and a transparent page behind its own card.
  if ((await headers()).get(EMBED_REQUEST_HEADER) === "1") {
    return (
      <html lang="en">
        <body className="bg-transparent">{children}</body>
      </html>
    );
  }
  const user = await getSessionUser();

  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only z-50 rounded-lg bg-white px-4 py-2 text-sm font-medium text-brand-700 shadow-lg focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
        >
          Skip to content
        </a>
        <SiteHeader user={user} />
        <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}

function SiteFooter() {
  return (
    <footer className="border-t border-ink-200 bg-white">
      <div className="page-width flex flex-col gap-3 py-6 text-sm text-ink-500 sm:flex-row sm:items-center sm:justify-between">
        <p>© {new Date().getFullYear()} MuseNest Referrals</p>
        <p>Self-hosted referral, commission and rewards platform.</p>
      </div>
    </footer>
  );
}
