import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { CardEmptyState } from "@/components/ui/card-list";
import { FilterLinks } from "@/components/ui/filter-links";
import { StatusBadge, type StatusBadges } from "@/components/ui/status-badge";
import { Table, TableBody, TableHead, TableScroll, Td, Th } from "@/components/ui/table";
import { UtcTime } from "@/components/ui/utc-time";

// The admin's outbox-style lists (notifications, e-mail invites, account e-mails, recent jobs): newest
// first, a status filter that lives in the URL, a status badge per row, an empty state that says why, and
// a note when the list is cut at its limit. One component, so the four pages look and behave alike.

export type OutboxColumn<Row> = {
  header: ReactNode;
  /** Right-aligned with tabular figures (heading and cells). */
  numeric?: boolean;
  headerClassName?: string;
  className?: string;
  cell: (row: Row) => ReactNode;
};

/** Where the status column stands among the columns. */
export const STATUS_COLUMN = "status";

export type OutboxTableProps<Row, S extends string> = {
  /** Names the card (a region) and, with " table", its scrolling table. */
  label: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  columns: readonly (OutboxColumn<Row> | typeof STATUS_COLUMN)[];
  /** The table's minimum width (a literal `min-w-[…]` class): narrower screens scroll it sideways. */
  minWidth: string;
  status: {
    header?: string;
    badges: StatusBadges<S>;
    of: (row: Row) => S;
    /** A line under the badge: the last error, why it was skipped, … */
    note?: (row: Row) => string | null;
  };
  /** Filter pills above the card, one per status listed (labels from the badges unless given). */
  filter?: {
    label: string;
    path: string;
    param: string;
    statuses: readonly S[];
    labels?: Partial<Record<S, string>>;
    current: S | undefined;
  };
  empty: { title: string; text: string };
  /** The most rows the query returns: a full list says it was cut. */
  limit: number;
};

export function OutboxTable<Row, S extends string>({
  label,
  rows,
  rowKey,
  columns,
  minWidth,
  status,
  filter,
  empty,
  limit,
}: OutboxTableProps<Row, S>) {
  const cols = columns.map((c): OutboxColumn<Row> =>
    c === STATUS_COLUMN
      ? {
          header: status.header ?? "Status",
          cell: (row) => {
            const note = status.note?.(row);
            return (
              <>
                <StatusBadge badges={status.badges} status={status.of(row)} />
                {note ? <p className="mt-1 max-w-56 text-xs text-ink-600">{note}</p> : null}
              </>
            );
          },
        }
      : c,
  );
  return (
    <>
      {filter ? (
        <FilterLinks
          label={filter.label}
          links={[undefined, ...filter.statuses].map((value) => ({
            label: value ? (filter.labels?.[value] ?? status.badges[value].label) : "All",
            href: value ? `${filter.path}?${filter.param}=${value}` : filter.path,
            current: value === filter.current,
          }))}
        />
      ) : null}
      <Card role="region" aria-label={label}>
        {rows.length ? (
          <TableScroll aria-label={`${label} table`}>
            <Table className={minWidth}>
              <TableHead className="bg-ink-50/60">
                <tr>
                  {cols.map((c, i) => (
                    <Th key={i} align={c.numeric ? "right" : undefined} className={c.headerClassName}>
                      {c.header}
                    </Th>
                  ))}
                </tr>
              </TableHead>
              <TableBody>
                {rows.map((row) => (
                  <tr key={rowKey(row)} className="align-top">
                    {cols.map((c, i) => (
                      <Td key={i} numeric={c.numeric} className={c.className}>
                        {c.cell(row)}
                      </Td>
                    ))}
                  </tr>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        ) : (
          <CardEmptyState headingLevel="h2" title={empty.title} text={empty.text} />
        )}
        {rows.length === limit ? (
          <p className="border-t border-ink-100 px-5 py-3 text-sm text-ink-500">
            Showing the newest {limit}.{filter ? ` ${filter.label} to narrow the list.` : null}
          </p>
        ) : null}
      </Card>
    </>
  );
}

/** "Created" with its time and, once sent, the time it was sent beneath. */
export function createdColumn<Row extends { createdAt: string; sentAt?: string | null }>(
  precision?: "seconds",
): OutboxColumn<Row> {
  return {
    header: "Created",
    className: "whitespace-nowrap text-ink-700",
    cell: (row) => {
      const { createdAt, sentAt } = row;
      return (
        <>
          <UtcTime value={createdAt} precision={precision} />
          {sentAt ? (
            <p className="text-xs text-ink-500">
              Sent <UtcTime value={sentAt} precision={precision} />
            </p>
          ) : null}
        </>
      );
    },
  };
}

/** "Message": the subject, opening to the plain text as it was (or will be) mailed. */
export function messageColumn<Row extends { subject: string; body: string }>(): OutboxColumn<Row> {
  return {
    header: "Message",
    cell: (row) => {
      const { subject, body } = row;
      return (
        <details className="max-w-md">
          <summary className="cursor-pointer font-medium text-ink-800">{subject}</summary>
          {/* Long links (unsubscribe, reset) break anywhere; prose still wraps between words. */}
          <pre className="mt-2 font-sans text-xs [overflow-wrap:anywhere] whitespace-pre-wrap text-ink-700">
            {body}
          </pre>
        </details>
      );
    },
  };
}
