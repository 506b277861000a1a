import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDate } from "@/lib/format";
import type { ReferrerCode } from "@/lib/queries/referrer-overview";

export function codeState(
  code: Pick<ReferrerCode, "isActive" | "expiresAt" | "usageCount" | "usageLimit">,
  now: Date,
) {
  if (!code.isActive) return { label: "Inactive", tone: "neutral" } as const;
  if (code.expiresAt && code.expiresAt <= now) return { label: "Expired", tone: "warning" } as const;
  if (code.usageLimit !== null && code.usageCount >= code.usageLimit)
    return { label: "Used up", tone: "warning" } as const;
  return { label: "Active", tone: "success" } as const;
}

export function CodesTable({ codes, origin, now }: { codes: ReferrerCode[]; origin: string; now: Date }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[640px] text-left text-sm">
        <thead className="border-b border-ink-200 text-xs tracking-wide text-ink-500 uppercase">
          <tr>
            <th scope="col" className="px-5 py-3 font-medium">
              Code
            </th>
            <th scope="col" className="px-3 py-3 font-medium">
              Uses
            </th>
            <th scope="col" className="px-3 py-3 font-medium">
              Clicks
            </th>
            <th scope="col" className="px-3 py-3 font-medium">
              Status
            </th>
            <th scope="col" className="px-3 py-3 font-medium">
              Expires
            </th>
            <th scope="col" className="px-5 py-3 font-medium">
              <span className="sr-only">Share</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-ink-100">
          {codes.map((code) => {
            const state = codeState(code, now);
            const link = `${origin}/r/${encodeURIComponent(code.code)}`;
            return (
              <tr key={code.id}>
                <td className="px-5 py-3">
                  <p className="font-mono text-base font-semibold text-ink-900">{code.code}</p>
                  {code.codeName ? <p className="text-xs text-ink-500">{code.codeName}</p> : null}
                </td>
                <td className="px-3 py-3 tabular-nums">
                  {code.usageCount} / {code.usageLimit ?? "∞"}
                </td>
                <td className="px-3 py-3 tabular-nums">{code.clicks}</td>
                <td className="px-3 py-3">
                  <Badge tone={state.tone}>{state.label}</Badge>
                </td>
                <td className="px-3 py-3 text-ink-600">
                  {code.expiresAt ? formatDate(code.expiresAt) : "Never"}
                </td>
                <td className="px-5 py-3">
                  <div className="flex justify-end gap-2">
                    <CopyButton value={code.code} label="Copy code" aria-label={`Copy code ${code.code}`} />
                    <CopyButton
                      value={link}
                      label="Copy link"
                      aria-label={`Copy invite link for ${code.code}`}
                    />
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
