import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { NOTIFICATION_KIND_LABELS } from "@/lib/notifications/kind-labels";
import { publicPageContext } from "@/lib/auth/page-context";
import { isNotificationKindOff } from "@/lib/notifications/preferences";
import { unsubscribeLinkTarget } from "@/lib/notifications/unsubscribe";
import { unsubscribeSchema } from "@/lib/validation/notifications";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };
export const dynamic = "force-dynamic";

const linkClass = "rounded font-medium text-brand-700 underline-offset-4 hover:underline";

/**
 * The page behind every message's unsubscribe link. Opening it changes nothing (mail scanners open links);
 * its button POSTs to the same URL, which is also where mail clients send RFC 8058 one-click requests.
 */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = unsubscribeSchema.safeParse({ token: first(raw.token) });
  const target = parsed.success ? unsubscribeLinkTarget(parsed.data.token) : null;
  // "Done" only when it is: the URL alone (?done=1) proves nothing.
  const done =
    first(raw.done) === "1" &&
    target !== null &&
    (await isNotificationKindOff((await publicPageContext()).db, target.userId, target.kind));
  const kind = target ? NOTIFICATION_KIND_LABELS[target.kind] : null;

  return (
    <div className="mx-auto flex w-full max-w-md flex-col px-4 py-12 sm:py-16">
      <div className="mb-6 text-center">
        <h1 className="text-2xl font-semibold tracking-tight text-ink-950">
          {done && kind ? "You are unsubscribed" : "Unsubscribe"}
        </h1>
      </div>
      <Card>
        <CardBody className="px-6 py-6 sm:px-8 sm:py-8">
          {!target || !kind ? (
            <div className="flex flex-col gap-4 text-sm text-ink-700">
              <p role="alert">
                This unsubscribe link is not valid. Use the link in the e-mail again, or sign in and choose
                what we send you.
              </p>
              <Link href="/account/notifications" className={linkClass}>
                Notification settings
              </Link>
            </div>
          ) : done ? (
            <div className="flex flex-col gap-4 text-sm text-ink-700">
              <p role="status">
                We turned off <strong className="text-ink-900">{kind.label}</strong> e-mails. Your other
                notifications stay as they were.
              </p>
              <Link href="/account/notifications" className={linkClass}>
                Manage all your notification settings
              </Link>
            </div>
          ) : (
            <form
              method="post"
              action={`/unsubscribe?${new URLSearchParams({ token: parsed.data!.token, from: "page" })}`}
              className="flex flex-col gap-4 text-sm text-ink-700"
            >
              <input type="hidden" name="List-Unsubscribe" value="One-Click" />
              <p>
                Stop <strong className="text-ink-900">{kind.label}</strong> e-mails? {kind.description}
              </p>
              <p className="text-ink-600">Other kinds of notifications keep arriving.</p>
              <button type="submit" className={buttonClasses({ variant: "primary" })}>
                Unsubscribe from {kind.label}
              </button>
              <Link href="/account/notifications" className={linkClass}>
                Manage all your notification settings
              </Link>
            </form>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
