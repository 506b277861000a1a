import { CodeStatusBadge } from "@/components/referrals/code-status-badge";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDate } from "@/lib/format";
import { codeUsability } from "@/lib/referrals/code-usability";
import type { ReferrerCode } from "@/lib/queries/referrer-overview";
import { EditCodeForm, ToggleCodeButton } from "./code-actions";
import { SharePanel } from "./share-panel";

/** The referrer's codes: usage x / limit, clicks, state, and everything to share or change each one. */
export function CodesTable({
  codes,
  origin,
  now,
  referrer,
  offer,
}: {
  codes: ReferrerCode[];
  origin: string;
  now: Date;
  referrer: { id: number; name: string };
  /** The new-client offer in words, for the prefilled share messages. */
  offer: string | null;
}) {
  return (
    <ul className="divide-y divide-ink-100">
      {codes.map((code) => {
        const status = codeUsability(code, now);
        const link = `${origin}/r/${encodeURIComponent(code.code)}`;
        return (
          <li key={code.id} className="px-5 py-4" data-testid={`code-${code.code}`}>
            <div className="grid items-center gap-x-6 gap-y-3 md:grid-cols-[minmax(0,1fr)_16rem] xl:grid-cols-[minmax(0,1fr)_16rem_auto]">
              <div className="min-w-40">
                <div className="flex items-center gap-2">
                  <p className="font-mono text-base font-semibold text-ink-900">{code.code}</p>
                  <CodeStatusBadge status={status} />
                </div>
                {code.codeName ? <p className="text-xs text-ink-500">{code.codeName}</p> : null}
              </div>
              <dl className="grid grid-cols-3 gap-x-6 text-sm">
                <div>
                  <dt className="text-xs text-ink-500">Uses</dt>
                  <dd className="tabular-nums">
                    {code.usageCount} / {code.usageLimit ?? "∞"}
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-ink-500">Clicks</dt>
                  <dd className="tabular-nums">{code.clicks}</dd>
                </div>
                <div>
                  <dt className="text-xs text-ink-500">Expires</dt>
                  <dd>{code.expiresAt ? formatDate(code.expiresAt) : "Never"}</dd>
                </div>
              </dl>
              <div className="flex flex-wrap items-center gap-2 md:col-span-2 xl:col-span-1 xl:justify-end">
                <CopyButton value={code.code} label="Copy code" aria-label={`Copy code ${code.code}`} />
                <CopyButton value={link} label="Copy link" aria-label={`Copy invite link for ${code.code}`} />
                <ToggleCodeButton code={{ ...code, expiresAt: code.expiresAt?.toISOString() ?? null }} />
              </div>
            </div>
            <div className="mt-2">
              <EditCodeForm code={{ ...code, expiresAt: code.expiresAt?.toISOString() ?? null }} />
            </div>
            <SharePanel
              clientId={referrer.id}
              referrerName={referrer.name}
              code={code}
              origin={origin}
              offer={offer}
            />
          </li>
        );
      })}
    </ul>
  );
}
