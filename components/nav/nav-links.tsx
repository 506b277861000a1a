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

type NavLinksProps = {
  items: NavItem[];
  user: NavUser | null;
  /** Below this width the links fold into the menu button; long lists (the admin's) need `xl` or `2xl`. */
  collapseBelow?: "lg" | "xl" | "2xl";
};

// Tailwind needs whole class names in the source, so each breakpoint's layout is spelled out.
const layouts = {
  lg: {
    toggle: "lg:hidden",
    panel:
      "lg:static lg:flex lg:flex-1 lg:flex-row lg:items-center lg:gap-4 xl:gap-6 lg:border-0 lg:bg-transparent lg:p-0 lg:shadow-none",
    list: "lg:flex-row lg:items-center",
    listWithUser: "lg:mr-auto",
    listAnonymous: "lg:ml-auto",
    link: "lg:px-2.5 lg:py-1.5 xl:px-3",
    emphasis: "lg:mt-0 lg:ml-2",
    userBox: "lg:justify-end lg:border-0 lg:pt-0",
    userName: "lg:max-w-32 xl:max-w-48",
  },
  xl: {
    toggle: "xl:hidden",
    panel:
      "xl:static xl:flex xl:flex-1 xl:flex-row xl:items-center xl:gap-2 2xl:gap-4 xl:border-0 xl:bg-transparent xl:p-0 xl:shadow-none",
    list: "xl:flex-row xl:items-center",
    listWithUser: "xl:mr-auto",
    listAnonymous: "xl:ml-auto",
    // Eleven admin links and the user box fit 1280 px only this tight; 2xl gets the air back.
    link: "xl:px-1.5 xl:py-1.5 2xl:px-2.5",
    emphasis: "xl:mt-0 xl:ml-2",
    userBox: "xl:justify-end xl:border-0 xl:pt-0",
    userName: "xl:max-w-24 2xl:max-w-48",
  },
  // More than eleven links no longer fit 1280 px: they stay in the menu up to 1536 px.
  "2xl": {
    toggle: "2xl:hidden",
    panel:
      "2xl:static 2xl:flex 2xl:flex-1 2xl:flex-row 2xl:items-center 2xl:gap-3 2xl:border-0 2xl:bg-transparent 2xl:p-0 2xl:shadow-none",
    list: "2xl:flex-row 2xl:items-center",
    listWithUser: "2xl:mr-auto",
    listAnonymous: "2xl:ml-auto",
    link: "2xl:px-2 2xl:py-1.5",
    emphasis: "2xl:mt-0 2xl:ml-2",
    userBox: "2xl:justify-end 2xl:border-0 2xl:pt-0",
    userName: "2xl:max-w-40",
  },
} as const;

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

export function NavLinks({ items, user, collapseBelow = "lg" }: NavLinksProps) {
  const layout = layouts[collapseBelow];
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
        className={cn(
          "inline-flex size-10 items-center justify-center rounded-lg text-ink-700 hover:bg-ink-100 hover:text-ink-900",
          layout.toggle,
        )}
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
          layout.panel,
        )}
      >
        <ul
          className={cn(
            "flex flex-col gap-1",
            layout.list,
            user ? layout.listWithUser : layout.listAnonymous,
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
                    "flex items-center rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
                    layout.link,
                    item.emphasis
                      ? cn(
                          "mt-2 justify-center bg-brand-600 text-white shadow-sm hover:bg-brand-700",
                          layout.emphasis,
                        )
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
          <div
            className={cn(
              "flex items-center justify-between gap-3 border-t border-ink-100 pt-4",
              layout.userBox,
            )}
          >
            <p className="flex min-w-0 items-center gap-2 text-sm text-ink-700">
              <span className="sr-only">Signed in as </span>
              {/* The account's own page (password, e-mail, sessions) sits behind the name, to keep the role's links in the bar. */}
              <Link
                href="/account"
                onClick={close}
                title="Your account"
                className={cn(
                  "max-w-48 truncate rounded font-medium text-ink-900 underline-offset-4 hover:underline",
                  layout.userName,
                )}
              >
                {user.name}
              </Link>
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
