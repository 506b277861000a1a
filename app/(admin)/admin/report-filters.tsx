"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/forms/text-field";
import { FieldHint, Label, Select } from "@/components/ui/input";
import {
  COMMISSION_STATUS_FILTERS,
  reportQueryString,
  type ReferralReportFilters,
  type ReportSort,
} from "@/lib/validation/referral-report";

export type DatePreset = { label: string; start: string; end: string };

const STATUS_LABELS: Record<(typeof COMMISSION_STATUS_FILTERS)[number], string> = {
  all: "All referrals",
  eligible: "Eligible (not held by a flag)",
  pending: "Has commission on hold",
  approved: "Has approved commission",
  paid: "Has paid commission",
  reversed: "Has reversed commission",
  rejected: "Has rejected commission",
};

type Props = {
  filters: ReferralReportFilters;
  sort: { sort: ReportSort; dir: "asc" | "desc"; size: number };
  campaigns: { id: number; name: string }[];
  sources: string[];
  presets: DatePreset[];
};

/**
 * The report's filters. A plain GET form (works before JavaScript loads); with JavaScript it drops
 * empty fields so the URL stays a short, shareable link. Changing a filter starts again at page one.
 */
export function ReportFilters({ filters, sort, campaigns, sources, presets }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim() || undefined;
    const query = reportQueryString({
      start_date: text("start_date"),
      end_date: text("end_date"),
      commission_status: (text("commission_status") ?? "all") as ReferralReportFilters["commission_status"],
      campaign: text("campaign") ? Number(text("campaign")) : undefined,
      referrer: text("referrer"),
      flagged: form.get("flagged") === "1",
      source: text("source") as ReferralReportFilters["source"],
      ...sort,
    });
    startTransition(() => router.push(query ? `/admin?${query}` : "/admin", { scroll: false }));
  }

  const presetHref = (p: DatePreset) =>
    `/admin?${reportQueryString({ ...filters, ...sort, start_date: p.start, end_date: p.end })}`;
  const active = reportQueryString(filters) !== "";

  return (
    <Card className="mb-6">
      <CardBody>
        <form
          method="get"
          action="/admin"
          onSubmit={onSubmit}
          aria-label="Filter referrals"
          className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4"
        >
          <TextField
            name="start_date"
            label="Signed up from"
            type="date"
            defaultValue={filters.start_date?.slice(0, 10)}
          />
          <TextField
            name="end_date"
            label="Signed up to"
            type="date"
            defaultValue={filters.end_date?.slice(0, 10)}
          />
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="commission_status">Commission status</Label>
            <Select
              id="commission_status"
              name="commission_status"
              defaultValue={filters.commission_status}
              aria-describedby="commission_status-hint"
            >
              {COMMISSION_STATUS_FILTERS.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
            <FieldHint id="commission_status-hint" className="text-xs">
              On hold … rejected: has a direct commission in that state.
            </FieldHint>
          </div>
          <TextField
            name="referrer"
            label="Referrer"
            type="search"
            defaultValue={filters.referrer}
            placeholder="Name, e-mail or code"
            maxLength={100}
            autoComplete="off"
          />
          <SelectField
            name="campaign"
            label="Campaign"
            defaultValue={filters.campaign ? String(filters.campaign) : ""}
          >
            <option value="">Any campaign</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <SelectField name="source" label="Source" defaultValue={filters.source ?? ""}>
            <option value="">Any source</option>
            {sources.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
          <div className="flex items-end pb-2">
            <label className="flex items-center gap-2 text-sm font-medium text-ink-800">
              <input
                type="checkbox"
                name="flagged"
                value="1"
                defaultChecked={filters.flagged}
                className="size-4 rounded border-ink-300 accent-brand-600"
              />
              Flagged only
            </label>
          </div>
          <div className="flex items-end gap-2">
            <Button type="submit" disabled={pending} className="flex-1 sm:flex-none">
              {pending ? "Applying…" : "Apply filters"}
            </Button>
            {active ? (
              <ButtonLink href="/admin" variant="ghost" scroll={false}>
                Reset
              </ButtonLink>
            ) : null}
          </div>
          {/* Sorting and page size survive a filter change when JavaScript is off. */}
          {sort.sort !== "signup_date" ? <input type="hidden" name="sort" value={sort.sort} /> : null}
          {sort.dir !== "desc" ? <input type="hidden" name="dir" value={sort.dir} /> : null}
        </form>
        <div className="mt-4 flex flex-wrap items-center gap-2 border-t border-ink-100 pt-4 text-sm">
          <span className="text-ink-500">Quick ranges:</span>
          {presets.map((p) => {
            const current = filters.start_date === p.start && filters.end_date === p.end;
            return (
              <Link
                key={p.label}
                href={presetHref(p)}
                scroll={false}
                aria-current={current ? "true" : undefined}
                className="rounded-full border border-ink-200 bg-white px-3 py-1 font-medium text-ink-700 hover:bg-ink-50 aria-[current=true]:border-brand-300 aria-[current=true]:bg-brand-50 aria-[current=true]:text-brand-800"
              >
                {p.label}
              </Link>
            );
          })}
        </div>
      </CardBody>
    </Card>
  );
}
