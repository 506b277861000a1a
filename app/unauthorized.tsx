import type { Metadata } from "next";
import { headers } from "next/headers";
import { EmbedHeightReporter } from "@/components/embed/embed-height-reporter";
import { AccessDenied } from "@/components/ui/access-denied";
import { Card, CardBody } from "@/components/ui/card";
import { EMBED_REQUEST_HEADER } from "@/lib/edge/embed-surface";
import { embedAllowedOrigins } from "@/lib/edge/embed-origins.mjs";

export const metadata: Metadata = { title: "Not available", robots: { index: false } };

/**
 * What `unauthorized()` renders, with status 401. Today only the embedded panel calls it (a missing,
 * forged, expired or revoked token): a clear message in the panel's frame, and no data.
 */
export default async function Unauthorized() {
  if ((await headers()).get(EMBED_REQUEST_HEADER) !== "1") {
    return (
      <AccessDenied
        title="Sign in to continue"
        message="This page needs you to be signed in."
        homeHref="/login"
        homeLabel="Sign in"
      />
    );
  }
  return (
    <div id="embed-panel" className="p-2">
      <Card role="alert" data-testid="embed-invalid">
        <CardBody>
          <h1 className="text-base font-semibold text-ink-900">This referral panel can&apos;t be shown</h1>
          <p className="mt-1 text-sm text-ink-600">
            Its link has expired or is no longer valid. Reload the page to open your referral panel again.
          </p>
        </CardBody>
      </Card>
      <EmbedHeightReporter targetId="embed-panel" origins={embedAllowedOrigins()} />
    </div>
  );
}
