import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center px-4 py-20 text-center sm:py-28">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-ink-950">Page not found</h1>
      <p className="mt-3 text-ink-600">
        The page you are looking for doesn&apos;t exist or has moved. If you followed an invite link, check
        the code with the person who shared it.
      </p>
      <ButtonLink href="/" className="mt-8">
        Back to the home page
      </ButtonLink>
    </div>
  );
}
