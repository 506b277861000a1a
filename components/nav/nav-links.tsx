"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";

export type NavItem = {
  href: string;
  label: string;
  /** Drawn as a primary button (the "Join" call to action). */
  emphasis?: boolean;
};

export type NavUser = { name: string; roleLabel: string | null };

type NavLinksProps = { items: NavItem[]; user: NavUser | null };

/**
 * The most specific item the current path is inside, so /dashboard/referrals lights up
 * "My referrals" and not "Dashboard" as well. Anchor links (/#how) are never "current".
 */
function activeHref(items: NavItem[], pathname: string): string | null {
  let best: string | null = null;
  for (const { href } of items) {
    if (href.includes("#")) continue;
    const inside = pathname === href || pathname.startsWith(href.endsWith("/") ? href : `${href}/`);
    if (inside && (best === null || href.length > best.length)) best = href;
  }
  return best;
}

export function NavLinks({ items, user }: NavLinksProps) {
  const pathname = usePathname();
  // The menu is open "at" a path: navigating anywhere else closes it without an effect.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt !== null && openAt === pathname;
  const menuId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const current = activeHref(items, pathname);

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === "Escape") {
        setOpenAt(null);
        toggleRef.current?.focus();
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  const close = () => setOpenAt(null);

  return (
    <nav aria-label="Main" className="flex flex-1 items-center justify-end">
      <button
        ref={toggleRef}
        type="button"
        aria-label="Menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpenAt(open ? null : pathname)}
        className="inline-flex size-10 items-center justify-center rounded-lg text-ink-700 hover:bg-ink-100 hover:text-ink-900 lg:hidden"
      >
        <svg
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.75"
          aria-hidden="true"
          className="size-6"
        >
          {open ? (
            <path strokeLinecap="round" strokeLinejoin="round" d="M6 18 18 6M6 6l12 12" />
          ) : (
            <path
              strokeLinecap="round"
              strokeLinejoin="round"
              d="M3.75 6.75h16.5M3.75 12h16.5m-16.5 5.25h16.5"
            />
          )}
        </svg>
      </button>

      <div
        id={menuId}
        className={cn(
          open ? "flex" : "hidden",
          "absolute inset-x-0 top-full flex-col gap-4 border-b border-ink-200 bg-white px-4 pt-3 pb-5 shadow-lg",
          "lg:static lg:flex lg:flex-1 lg:flex-row lg:items-center lg:gap-4 xl:gap-6 lg:border-0 lg:bg-transparent lg:p-0 lg:shadow-none",
        )}
      >
        <ul
          className={cn(
            "flex flex-col gap-1 lg:flex-row lg:items-center",
            user ? "lg:mr-auto" : "lg:ml-auto",
          )}
        >
          {items.map((item) => {
            const isCurrent = item.href === current;
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  onClick={close}
                  aria-current={isCurrent ? "page" : undefined}
                  className={cn(
                    "flex items-center rounded-lg px-3 py-2 text-sm font-medium transition-colors lg:px-2.5 lg:py-1.5 xl:px-3",
                    item.emphasis
                      ? "mt-2 justify-center bg-brand-600 text-white shadow-sm hover:bg-brand-700 lg:mt-0 lg:ml-2"
                      : isCurrent
                        ? "bg-brand-50 text-brand-700"
                        : "text-ink-600 hover:bg-ink-100 hover:text-ink-900",
                  )}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>

        {user ? (
          <div className="flex items-center justify-between gap-3 border-t border-ink-100 pt-4 lg:justify-end lg:border-0 lg:pt-0">
            <p className="flex min-w-0 items-center gap-2 text-sm text-ink-700">
              <span className="sr-only">Signed in as </span>
              <span className="max-w-48 truncate font-medium text-ink-900 lg:max-w-32 xl:max-w-48">
                {user.name}
              </span>
              {user.roleLabel ? (
                <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700 ring-1 ring-brand-200 ring-inset">
                  {user.roleLabel}
                </span>
              ) : null}
            </p>
            <Link
              href="/logout"
              onClick={close}
              className="shrink-0 rounded-lg border border-ink-300 bg-white px-3 py-1.5 text-sm font-medium text-ink-700 hover:bg-ink-50 hover:text-ink-900"
            >
              Sign out
            </Link>
          </div>
        ) : null}
      </div>
    </nav>
  );
}
