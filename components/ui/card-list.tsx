import type { ComponentPropsWithRef, ReactNode } from "react";
import { CardBody } from "./card";
import { cn } from "./cn";
import { EmptyState, type EmptyStateProps } from "./empty-state";

/** A card's empty state, in the card's body; its title is an h3 under the card's title unless told otherwise. */
export function CardEmptyState({ headingLevel = "h3", ...props }: EmptyStateProps) {
  return (
    <CardBody>
      <EmptyState headingLevel={headingLevel} {...props} />
    </CardBody>
  );
}

export type CardListProps<T> = Omit<ComponentPropsWithRef<"ul">, "children"> & {
  items: readonly T[];
  /** What the card says instead of the list when there are no items. */
  empty: EmptyStateProps;
  /** One `<li>` (with its key) per item. */
  children: (item: T, index: number) => ReactNode;
};

/** The rows of a card, divided by rules, or the card's empty state when there are none. */
export function CardList<T>({ items, empty, children, className, ...props }: CardListProps<T>) {
  if (!items.length) return <CardEmptyState {...empty} />;
  return (
    <ul className={cn("divide-y divide-ink-100", className)} {...props}>
      {items.map(children)}
    </ul>
  );
}
