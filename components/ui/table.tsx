import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";

// The app's table look: a card-wide table whose outer columns line up with the card's px-5 padding.
// `cn` joins classes without resolving conflicts (two padding utilities win by stylesheet order, not by
// position), so a look that differs is a prop: `inset` for tighter inner columns, `dense` for shorter
// rows, `unstyled` for a table with a design of its own, whose className then carries the whole look.

export type TableScrollProps = ComponentPropsWithRef<"div">;

/**
 * The sideways-scrolling box around a table. Give it an `aria-label` when the table can be wider than
 * its card (a `min-w-*` table): it then becomes a named group a keyboard can focus and scroll, which
 * axe's scrollable-region-focusable rule asks for.
 */
export function TableScroll({ className, ...props }: TableScrollProps) {
  const focusable = props["aria-label"] ? ({ tabIndex: 0, role: "group" } as const) : {};
  return <div {...focusable} className={cn("overflow-x-auto", className)} {...props} />;
}

export type TableProps = ComponentPropsWithRef<"table">;

export function Table({ className, ...props }: TableProps) {
  return <table className={cn("w-full text-left text-sm", className)} {...props} />;
}

export type TableHeadProps = ComponentPropsWithRef<"thead"> & {
  /** Drop the standard header look (rule, small uppercase grey letters); className styles it alone. */
  unstyled?: boolean;
};

export function TableHead({ unstyled, className, ...props }: TableHeadProps) {
  return (
    <thead
      className={cn(
        !unstyled && "border-b border-ink-200 text-xs tracking-wide text-ink-500 uppercase",
        className,
      )}
      {...props}
    />
  );
}

export type TableBodyProps = ComponentPropsWithRef<"tbody">;

export function TableBody({ className, ...props }: TableBodyProps) {
  return <tbody className={cn("divide-y divide-ink-100", className)} {...props} />;
}

type CellStyle = {
  /** `right` for numbers and amounts, so their digits line up under the heading. */
  align?: "left" | "right";
  /** An inner column: px-3 instead of px-5, for tables whose outer columns line up with the card. */
  inset?: boolean;
  /** A denser row: py-2 instead of py-3. */
  dense?: boolean;
  /** No padding (and, for header cells, no weight): className styles the cell alone. */
  unstyled?: boolean;
};

function cellClasses({ align, inset, dense, unstyled }: CellStyle, ...classes: Parameters<typeof cn>) {
  return cn(
    !unstyled && (inset ? "px-3" : "px-5"),
    !unstyled && (dense ? "py-2" : "py-3"),
    align === "right" && "text-right",
    ...classes,
  );
}

export type ThProps = ComponentPropsWithRef<"th"> & CellStyle;

/** A column heading; `scope="col"` unless told otherwise. */
export function Th({ align, inset, dense, unstyled, scope = "col", className, ...props }: ThProps) {
  return (
    <th
      scope={scope}
      className={cellClasses({ align, inset, dense, unstyled }, !unstyled && "font-medium", className)}
      {...props}
    />
  );
}

export type RowHeaderProps = ThProps;

/** The cell that names its row (`<th scope="row">`), e.g. a code in a per-code table or a "Total" line. */
export function RowHeader({ scope = "row", ...props }: RowHeaderProps) {
  return <Th scope={scope} {...props} />;
}

export type TdProps = ComponentPropsWithRef<"td"> &
  CellStyle & {
    /** A number column: right-aligned with tabular figures. */
    numeric?: boolean;
  };

export function Td({ align, numeric, inset, dense, unstyled, className, ...props }: TdProps) {
  return (
    <td
      className={cellClasses(
        { align: numeric ? "right" : align, inset, dense, unstyled },
        numeric && "tabular-nums",
        className,
      )}
      {...props}
    />
  );
}
