import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { Card, CardBody } from "@/components/ui/card";
import { appOrigin } from "@/lib/app-url";
import { publicPageContext } from "@/lib/auth/page-context";
import { homeFor } from "@/lib/auth/session";
import { BASE_RATE_BPS, bpsLabel } from "@/lib/commissions/calculate-commission";
import { codeFromLink } from "@/lib/referrals/code-from-link";
import { loadInvitePreview } from "@/lib/sharing/invite-preview";
import { loadNewClientOffer } from "@/lib/sharing/new-client-offer";
import { REFERRAL_COOKIE } from "@/lib/request-fingerprint";
import { SignupForm } from "./signup-form";

export const dynamic = "force-dynamic";

type SignupSearchParams = Promise<{ ref?: string | string[] }>;

// The metadata and the page both want the preview of the same code: one lookup per request.
const previewOf = cache(async (code: string | null) =>
  loadInvitePreview((await publicPageContext()).db, code, new Date()),
);

const refOf = (ref: string | string[] | undefined) =>
  typeof ref === "string" ? codeFromLink(ref) : undefined;

/**
 * `/r/CODE` lands here, so this is the page a chat app previews when an invite link is pasted: the card
 * names the referrer (display name only) and the offer, with a picture drawn by `/r/CODE/preview.png`.
 */
export async function generateMetadata({
  searchParams,
}: {
  searchParams: SignupSearchParams;
}): Promise<Metadata> {
  const ref = refOf((await searchParams).ref);
  const [preview, origin] = await Promise.all([previewOf(ref ?? null), appOrigin()]);
  const url = preview.code ? `${origin}/signup?ref=${encodeURIComponent(preview.code)}` : `${origin}/signup`;
  const image = {
    url: `${origin}/r/${encodeURIComponent(preview.code ?? "join")}/preview.png`,
    width: 1200,
    height: 630,
    alt: preview.title,
  };
  return {
    title: preview.code ? preview.title : "Create your account",
    description: preview.description,
    openGraph: {
      type: "website",
      siteName: "MuseNest",
      title: preview.title,
      description: preview.description,
      url,
      images: [image],
    },
    twitter: {
      card: "summary_large_image",
      title: preview.title,
      description: preview.description,
      images: [image],
    },
  };
}

export default async function SignupPage({ searchParams }: { searchParams: SignupSearchParams }) {
  const { db, user } = await publicPageContext();
  if (user) redirect(homeFor(user.role));
  const fromQuery = refOf((await searchParams).ref);
  const fromCookie = (await cookies()).get(REFERRAL_COOKIE)?.value;
  const initialCode = fromQuery ?? (fromCookie === undefined ? "" : codeFromLink(fromCookie));
  const now = new Date();
  // Someone arriving through an invite is greeted by who invited them, as the link's preview card did.
  const [offer, invite] = await Promise.all([
    loadNewClientOffer(db, now),
    initialCode ? previewOf(initialCode) : null,
  ]);
  const invitedBy = invite?.code ? invite : null;

  return (
    <div className="mx-auto grid w-full max-w-5xl gap-10 px-4 py-10 sm:px-6 lg:grid-cols-[1fr_28rem] lg:py-16">
      <div className="lg:pt-6">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Join MuseNest</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight text-ink-900 sm:text-4xl">
          {invitedBy ? invitedBy.title : "Create your account"}
        </h1>
        <p className="mt-4 max-w-md text-ink-600">
          {invitedBy ? `${invitedBy.description} ` : `Start with a ${offer.trialDays}-day free trial. `}
          Your own referral code and invite link are ready the moment you sign up.
        </p>
        <ul className="mt-6 space-y-2 text-sm text-ink-700">
          <li>✓ Invited by someone? Their code is filled in for you.</li>
          {offer.bonusPoints > 0 ? (
            <li>✓ You get +{offer.bonusPoints} points when you join with a code.</li>
          ) : null}
          <li>✓ Earn {bpsLabel(BASE_RATE_BPS)} of every client you bring, paid out monthly.</li>
        </ul>
      </div>
      <Card>
        <CardBody className="px-6 py-6">
          <SignupForm initialCode={initialCode} />
          <p className="mt-6 text-center text-sm text-ink-600">
            Already have an account?{" "}
            <Link href="/login" className="font-medium text-brand-700 hover:underline">
              Sign in
            </Link>
          </p>
        </CardBody>
      </Card>
    </div>
  );
}
