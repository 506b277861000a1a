import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageContext } from "@/lib/auth/page-context";
import { ADMIN_NOTIFICATION_KINDS, REFERRER_NOTIFICATION_KINDS } from "@/lib/notifications/messages";
import { loadNotificationPreferences } from "@/lib/notifications/preferences";
import { PreferencesForm, type PreferenceGroup } from "./preferences-form";

export const metadata: Metadata = { title: "E-mail notifications" };
export const dynamic = "force-dynamic";

export default async function NotificationPreferencesPage() {
  const { db, user } = await pageContext("/account/notifications");
  const preferences = await loadNotificationPreferences(db, user.id, user.role);
  const of = (kinds: readonly string[]) => preferences.filter((p) => kinds.includes(p.kind));
  const groups: PreferenceGroup[] = [{ title: "Your referrals", items: of(REFERRER_NOTIFICATION_KINDS) }];
  if (user.role === "admin")
    groups.push({ title: "Program administration", items: of(ADMIN_NOTIFICATION_KINDS) });
  return (
    <div className="page-container">
      <div className="flex max-w-2xl flex-col gap-6">
        <PageHeader
          title="E-mail notifications"
          description={`What we e-mail to ${user.email}. Every message also has a one-click unsubscribe link for its kind.`}
        />
        <Card>
          <CardHeader>
            <CardTitle>Send me an e-mail when…</CardTitle>
            <CardDescription>
              Untick what you don&apos;t want. Nothing is lost: your dashboard shows everything either way.
            </CardDescription>
          </CardHeader>
          <CardBody>
            <PreferencesForm groups={groups} />
          </CardBody>
        </Card>
        <p className="text-sm text-ink-600">
          <Link href="/account" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            Back to your account
          </Link>
        </p>
      </div>
    </div>
  );
}
