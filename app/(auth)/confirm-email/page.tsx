import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody } from "@/components/ui/card";
import { ConfirmEmailForm } from "./confirm-email-form";

export const metadata: Metadata = { title: "Confirm your new e-mail address" };
export const dynamic = "force-dynamic";

export default async function ConfirmEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 200) ?? "";
  return (
    <div className="mx-auto flex w-full max-w-md flex-col px-4 py-12 sm:py-16">
      <div className="mb-6 text-center">
        <h1 className="text-2xl font-semibold tracking-tight text-ink-950">
          Confirm your new e-mail address
        </h1>
        <p className="mt-1.5 text-sm text-ink-600">
          Once confirmed, you sign in with the new address. We tell the old one about the change.
        </p>
      </div>
      <Card>
        <CardBody className="px-6 py-6 sm:px-8 sm:py-8">
          {token ? (
            <ConfirmEmailForm token={token} />
          ) : (
            <div className="flex flex-col gap-4 text-sm text-ink-700">
              <p>
                This page needs the link from the confirmation e-mail. Open the link from the e-mail again.
              </p>
              <Link
                href="/login"
                className="rounded font-medium text-brand-700 underline-offset-4 hover:underline"
              >
                Go to sign in
              </Link>
            </div>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
