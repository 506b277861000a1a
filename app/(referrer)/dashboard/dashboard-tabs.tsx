"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";

/** The referrer's dashboard pages, in the order the tab bar shows them. */
export const DASHBOARD_TABS = [
  { href: "/dashboard", label: "Overview" },
  { href: "/dashboard/codes", label: "Codes & sharing" },
  { href: "/dashboard/referrals", label: "Referrals" },
  { href: "/dashboard/earnings", label: "Earnings" },
  { href: "/dashboard/rewards", label: "Rewards" },
] as const;

/**
 * The tab bar under each dashboard page's header. Plain links (each page is its own URL, so a tab can be
 * bookmarked or sent); on a phone the row scrolls sideways inside itself rather than widening the page.
 */
export function DashboardTabs() {
  const pathname = usePathname();
  const listRef = useRef<HTMLUListElement>(null);
  // On a phone the later tabs start off-screen: scroll the row (only the row) so the current one shows.
  useEffect(() => {
    const list = listRef.current;
    const current = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!list || !current) return;
    const overflowRight = current.offsetLeft + current.offsetWidth - (list.scrollLeft + list.clientWidth);
    if (overflowRight > 0) list.scrollLeft += overflowRight + 16;
  }, [pathname]);
  return (
    <nav aria-label="Dashboard" className="-mx-4 mb-8 border-b border-ink-200 sm:mx-0">
      <ul ref={listRef} className="relative flex gap-1 overflow-x-auto px-4 sm:px-0">
        {DASHBOARD_TABS.map((tab) => {
          const current = pathname === tab.href;
          return (
            <li key={tab.href} className="shrink-0">
              <Link
                href={tab.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "-mb-px flex items-center border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors",
                  current
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-ink-600 hover:border-ink-300 hover:text-ink-900",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
