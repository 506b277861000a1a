// The referrals pager: rows per page, and keyset paging links (first, previous, next, last).
import { ButtonLink } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { REPORT_PAGE_SIZES } from "@/lib/validation/referral-report";

export function ReferralsPager({
  size,
  hrefFor,
  onSizeChange,
  prevCursor,
  nextCursor,
  atStart,
}: {
  size: number;
  /** The admin page's URL with these paging parameters on top of the current filters and sort. */
  hrefFor: (extra: Record<string, string | number | undefined>) => string;
  onSizeChange: (size: number) => void;
  prevCursor: string | null;
  nextCursor: string | null;
  atStart: boolean;
}) {
  return (
    <nav
      aria-label="Pages"
      className="flex flex-col gap-3 border-t border-ink-100 px-5 py-3 text-sm sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="flex items-center gap-2 text-ink-600">
        <label htmlFor="page-size" className="whitespace-nowrap">
          Rows per page
        </label>
        <div className="w-24">
          <Select id="page-size" value={size} onChange={(e) => onSizeChange(Number(e.target.value))}>
            {REPORT_PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <PageLink href={hrefFor({})} disabled={atStart && !prevCursor}>
          First
        </PageLink>
        <PageLink href={prevCursor ? hrefFor({ before: prevCursor }) : null}>Previous</PageLink>
        <PageLink href={nextCursor ? hrefFor({ after: nextCursor }) : null}>Next</PageLink>
        <PageLink href={hrefFor({ before: "end" })} disabled={!nextCursor}>
          Last
        </PageLink>
      </div>
    </nav>
  );
}

function PageLink({
  href,
  disabled,
  children,
}: {
  href: string | null;
  disabled?: boolean;
  children: string;
}) {
  if (!href || disabled) {
    return (
      <span
        aria-disabled="true"
        className="inline-flex h-8 items-center rounded-lg border border-ink-200 px-3 text-ink-400"
      >
        {children}
      </span>
    );
  }
  return (
    <ButtonLink href={href} variant="secondary" size="sm" scroll={false}>
      {children}
    </ButtonLink>
  );
}
