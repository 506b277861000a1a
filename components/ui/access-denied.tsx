import { ButtonLink } from "./button";
import { Card, CardBody } from "./card";
import { cn } from "./cn";

export type AccessDeniedProps = {
  /** Defaults to "You don't have access to this page". */
  title?: string;
  /** Defaults to a short explanation that the account's role can't open the page. */
  message?: string;
  /** Where the "home" link goes; defaults to "/". */
  homeHref?: string;
  homeLabel?: string;
  className?: string;
};

/** Shown instead of a page the signed-in user's role may not open. Says nothing about what is behind it. */
export function AccessDenied({
  title = "You don't have access to this page",
  message = "Your account can't open this page. If you think it should, ask an administrator.",
  homeHref = "/",
  homeLabel = "Go to the home page",
  className,
}: AccessDeniedProps) {
  return (
    <div className={cn("mx-auto w-full max-w-md py-12", className)}>
      <Card>
        <CardBody className="flex flex-col items-center px-6 py-10 text-center">
          <span
            aria-hidden="true"
            className="mb-4 flex size-12 items-center justify-center rounded-full bg-amber-50"
          >
            <svg
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.75"
              className="size-6 text-amber-600"
            >
              <path
                strokeLinecap="round"
                strokeLinejoin="round"
                d="M16.5 10.5V6.75a4.5 4.5 0 1 0-9 0v3.75m-.75 11.25h10.5a2.25 2.25 0 0 0 2.25-2.25v-6.75a2.25 2.25 0 0 0-2.25-2.25H6.75a2.25 2.25 0 0 0-2.25 2.25v6.75a2.25 2.25 0 0 0 2.25 2.25Z"
              />
            </svg>
          </span>
          <h1 className="text-xl font-semibold text-ink-900">{title}</h1>
          <p className="mt-2 text-sm text-ink-600">{message}</p>
          <ButtonLink href={homeHref} variant="secondary" className="mt-6">
            {homeLabel}
          </ButtonLink>
        </CardBody>
      </Card>
    </div>
  );
}
