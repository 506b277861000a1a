import Link from "next/link";

export type FilterLink = { label: string; href: string; current: boolean };

/**
 * A row of filter pills that are plain links (the filter lives in the URL, so it survives a reload and can
 * be shared); the current one is marked for assistive technology with aria-current.
 */
export function FilterLinks({ label, links }: { label: string; links: FilterLink[] }) {
  return (
    <nav aria-label={label} className="mb-4 flex flex-wrap gap-2">
      {links.map((f) => (
        <Link
          key={f.label}
          href={f.href}
          aria-current={f.current ? "page" : undefined}
          className={
            f.current
              ? "rounded-full bg-brand-600 px-3 py-1 text-sm font-medium text-white"
              : "rounded-full border border-ink-300 bg-white px-3 py-1 text-sm font-medium text-ink-700 hover:bg-ink-50"
          }
        >
          {f.label}
        </Link>
      ))}
    </nav>
  );
}
