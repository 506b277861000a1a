import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session";
import { NavLinks, type NavItem, type NavUser } from "./nav-links";

export type SiteHeaderUser = Pick<SessionUser, "name" | "email" | "role">;

const anonymousItems: NavItem[] = [
  { href: "/#how", label: "How it works" },
  { href: "/login", label: "Sign in" },
  { href: "/signup", label: "Join", emphasis: true },
];

// Only pages that exist are listed; each area's page adds its link when it lands.
const clientItems: NavItem[] = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/dashboard/referrals", label: "My referrals" },
  { href: "/redeem", label: "Redeem" },
  { href: "/leaderboard", label: "Leaderboard" },
];

const adminItems: NavItem[] = [
  { href: "/admin", label: "Reports" },
  { href: "/admin/review", label: "Review" },
  { href: "/admin/campaigns", label: "Campaigns" },
  { href: "/admin/payouts", label: "Payouts" },
  { href: "/admin/rewards", label: "Rewards" },
  { href: "/admin/clients", label: "Clients" },
  // Running the program rather than the program itself: folded under one "System" menu so the bar keeps
  // the daily pages and the admin's name in view at 1280 px.
  { href: "/admin/invites", label: "Invites", group: "System" },
  { href: "/admin/account-emails", label: "Account e-mails", group: "System" },
  { href: "/admin/notifications", label: "Notifications", group: "System" },
  { href: "/admin/jobs", label: "Jobs", group: "System" },
  { href: "/admin/api-keys", label: "API keys", group: "System" },
  { href: "/admin/webhooks", label: "Webhooks", group: "System" },
  { href: "/admin/audit", label: "Audit log", group: "System" },
];

/** The links a visitor may open. Showing a link is not access control: every page checks again. */
export function navItemsFor(user: Pick<SiteHeaderUser, "role"> | null): NavItem[] {
  if (!user) return anonymousItems;
  return user.role === "admin" ? adminItems : clientItems;
}

export function Logo() {
  return (
    <span className="flex items-center gap-2">
      <svg viewBox="0 0 32 32" aria-hidden="true" className="size-8 shrink-0">
        <rect width="32" height="32" rx="9" className="fill-brand-600" />
        <path
          d="M8 22V11.5a1 1 0 0 1 1.8-.6L16 19l6.2-8.1a1 1 0 0 1 1.8.6V22"
          fill="none"
          stroke="white"
          strokeWidth="2.4"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span className="text-base font-semibold tracking-tight text-ink-900">
        MuseNest <span className="text-brand-700">Referrals</span>
      </span>
    </span>
  );
}

export function SiteHeader({ user }: { user: SiteHeaderUser | null }) {
  const items = navItemsFor(user);
  // The admin's list is long: it gets the wider bar and folds into the menu below `xl`.
  const wide = items.length > 7;
  const navUser: NavUser | null = user
    ? { name: user.name.trim() || user.email, roleLabel: user.role === "admin" ? "Admin" : null }
    : null;

  return (
    <header className="sticky top-0 z-40 border-b border-ink-200 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/75">
      {/* The pages' own width (globals.css page-width), so the logo lines up with every page's content. */}
      <div className="page-width flex h-16 items-center gap-4 xl:gap-6">
        <Link href="/" className="shrink-0 rounded-lg" aria-label="MuseNest Referrals home">
          <Logo />
        </Link>
        <NavLinks items={items} user={navUser} collapseBelow={wide ? "xl" : "lg"} />
      </div>
    </header>
  );
}
