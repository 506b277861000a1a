"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type NavItem = {
  href: string;
  label: string;
  /** Drawn as a primary button (the "Join" call to action). */
  emphasis?: boolean;
  /** Items with a group fold into one menu button of that name in the bar (a titled section in the phone menu). */
  group?: string;
};

export type NavUser = { name: string; roleLabel: string | null };

type NavLinksProps = {
  items: NavItem[];
  user: NavUser | null;
  /** Below this width the links fold into the menu button; long lists (the admin's) need `xl`. */
  collapseBelow?: "lg" | "xl";
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
    groupToggle: "hidden lg:inline-flex lg:px-2.5 lg:py-1.5 xl:px-3",
    groupHeading: "lg:hidden",
    groupPanel:
      "lg:absolute lg:top-full lg:right-0 lg:z-50 lg:mt-2 lg:w-56 lg:rounded-xl lg:border lg:border-ink-200 lg:bg-white lg:p-1.5 lg:shadow-lg",
    groupPanelClosed: "lg:hidden",
  },
  xl: {
    toggle: "xl:hidden",
    panel:
      "xl:static xl:flex xl:flex-1 xl:flex-row xl:items-center xl:gap-2 2xl:gap-4 xl:border-0 xl:bg-transparent xl:p-0 xl:shadow-none",
    list: "xl:flex-row xl:items-center",
    listWithUser: "xl:mr-auto",
    listAnonymous: "xl:ml-auto",
    // The admin's links and the user box at 1280 px; 2xl gets the air back.
    link: "xl:px-2 xl:py-1.5 2xl:px-2.5",
    emphasis: "xl:mt-0 xl:ml-2",
    userBox: "xl:justify-end xl:border-0 xl:pt-0",
    userName: "xl:max-w-48",
    groupToggle: "hidden xl:inline-flex xl:px-2 xl:py-1.5 2xl:px-2.5",
    groupHeading: "xl:hidden",
    groupPanel:
      "xl:absolute xl:top-full xl:right-0 xl:z-50 xl:mt-2 xl:w-56 xl:rounded-xl xl:border xl:border-ink-200 xl:bg-white xl:p-1.5 xl:shadow-lg",
    groupPanelClosed: "xl:hidden",
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
  const ungrouped = items.filter((item) => !item.group);
  // In first-seen order (Map.groupBy is not in Node 20, which renders this on the server).
  const groups: [string, NavItem[]][] = [];
  for (const item of items) {
    if (!item.group) continue;
    const group = groups.find(([name]) => name === item.group);
    if (group) group[1].push(item);
    else groups.push([item.group, [item]]);
  }

  function renderLink(item: NavItem, inGroup = false) {
    const isCurrent = item.href === current;
    return (
      <Link
        href={item.href}
        onClick={close}
        aria-current={isCurrent ? "page" : undefined}
        className={cn(
          "flex items-center rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
          inGroup ? null : layout.link,
          item.emphasis
            ? cn("mt-2 justify-center bg-brand-600 text-white shadow-sm hover:bg-brand-700", layout.emphasis)
            : isCurrent
              ? "bg-brand-50 text-brand-700"
              : "text-ink-600 hover:bg-ink-100 hover:text-ink-900",
        )}
      >
        {item.label}
      </Link>
    );
  }

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
          {ungrouped.map((item) => (
            <li key={item.href}>{renderLink(item)}</li>
          ))}
          {groups.map(([name, groupItems]) => (
            <NavGroup
              key={name}
              name={name}
              items={groupItems}
              layout={layout}
              pathname={pathname}
              current={current}
              renderLink={renderLink}
            />
          ))}
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

type NavGroupProps = {
  name: string;
  items: NavItem[];
  layout: (typeof layouts)[keyof typeof layouts];
  pathname: string;
  current: string | null;
  renderLink: (item: NavItem, inGroup?: boolean) => ReactNode;
};

/**
 * A folded group: in the bar, a button that opens its links below it (Escape, a click elsewhere or
 * navigating closes it); in the phone menu, a titled section that is always open.
 */
function NavGroup({ name, items, layout, pathname, current, renderLink }: NavGroupProps) {
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt !== null && openAt === pathname;
  const panelId = useId();
  const boxRef = useRef<HTMLLIElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const holdsCurrent = items.some((item) => item.href === current);

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpenAt(null);
      toggleRef.current?.focus();
    }
    function onPointerDown(event: PointerEvent) {
      if (!boxRef.current?.contains(event.target as Node)) setOpenAt(null);
    }
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open]);

  return (
    <li ref={boxRef} className="relative">
      <button
        ref={toggleRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpenAt(open ? null : pathname)}
        className={cn(
          "items-center gap-1 rounded-lg text-sm font-medium whitespace-nowrap transition-colors",
          layout.groupToggle,
          holdsCurrent ? "bg-brand-50 text-brand-700" : "text-ink-600 hover:bg-ink-100 hover:text-ink-900",
        )}
      >
        {name}
        <svg
          viewBox="0 0 20 20"
          fill="currentColor"
          aria-hidden="true"
          className={cn("size-4", open && "rotate-180")}
        >
          <path
            fillRule="evenodd"
            d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z"
            clipRule="evenodd"
          />
        </svg>
      </button>
      <p
        className={cn(
          "mt-2 border-t border-ink-100 px-3 pt-3 pb-1 text-xs font-semibold tracking-wide text-ink-500 uppercase",
          layout.groupHeading,
        )}
        aria-hidden="true"
      >
        {name}
      </p>
      <ul
        id={panelId}
        aria-label={name}
        className={cn("flex flex-col gap-0.5", layout.groupPanel, open ? null : layout.groupPanelClosed)}
      >
        {items.map((item) => (
          <li key={item.href}>{renderLink(item, true)}</li>
        ))}
      </ul>
    </li>
  );
}
