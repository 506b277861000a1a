import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";

export type CardProps = ComponentPropsWithRef<"div">;

export function Card({ className, ...props }: CardProps) {
  return (
    <div className={cn("rounded-card border border-ink-200 bg-white shadow-card", className)} {...props} />
  );
}

export type CardHeaderProps = ComponentPropsWithRef<"div">;

export function CardHeader({ className, ...props }: CardHeaderProps) {
  return (
    <div className={cn("flex flex-col gap-1 border-b border-ink-100 px-5 py-4", className)} {...props} />
  );
}

export type CardTitleProps = ComponentPropsWithRef<"h2"> & {
  /** Heading level, so the card fits the page outline. Defaults to h2. */
  as?: "h1" | "h2" | "h3" | "h4";
};

export function CardTitle({ as: Heading = "h2", className, ...props }: CardTitleProps) {
  return <Heading className={cn("text-base font-semibold text-ink-900", className)} {...props} />;
}

export type CardDescriptionProps = ComponentPropsWithRef<"p">;

export function CardDescription({ className, ...props }: CardDescriptionProps) {
  return <p className={cn("text-sm text-ink-500", className)} {...props} />;
}

export type CardBodyProps = ComponentPropsWithRef<"div">;

export function CardBody({ className, ...props }: CardBodyProps) {
  return <div className={cn("px-5 py-4", className)} {...props} />;
}

export type CardFooterProps = ComponentPropsWithRef<"div">;

export function CardFooter({ className, ...props }: CardFooterProps) {
  return (
    <div
      className={cn(
        "flex flex-wrap items-center justify-end gap-3 border-t border-ink-100 px-5 py-3",
        className,
      )}
      {...props}
    />
  );
}
