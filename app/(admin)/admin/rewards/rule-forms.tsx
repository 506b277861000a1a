"use client";

import type { ReactNode } from "react";
import { HiddenFields } from "@/components/forms/hidden-fields";
import { NumberField, TextField } from "@/components/forms/text-field";
import { BadgeMedal } from "@/components/rewards/badge-medal";
import { FieldError } from "@/components/ui/input";
import type { DoubleSidedConfig, MilestoneConfig, Tier } from "@/lib/rewards/rules";
import { CheckboxField } from "./form-parts";
import { useSectionError } from "./section-form";

type RuleProps<C> = { id: number; isActive: boolean; config: C };

/** A rule's fields inside a section form: named `rule-<id>.<field>`, its error above, Active below. */
export function RuleFields({
  rule,
  kind,
  hidden = {},
  title,
  activeLabel,
  className = "flex flex-col gap-4 px-5 py-4",
  children,
}: {
  rule: { id: number; isActive: boolean };
  kind: string;
  hidden?: Record<string, string>;
  title?: ReactNode;
  activeLabel?: string;
  className?: string;
  children: (name: (field: string) => string) => ReactNode;
}) {
  const p = `rule-${rule.id}`;
  const name = (field: string) => `${p}.${field}`;
  const error = useSectionError(p);
  return (
    <fieldset className={className} aria-describedby={error ? `${p}-error` : undefined}>
      {title ? (
        <legend className="float-left mb-1 w-full text-sm font-semibold text-ink-900">{title}</legend>
      ) : null}
      <input type="hidden" name={name("kind")} value={kind} />
      <input type="hidden" name={name("ruleId")} value={rule.id} />
      <HiddenFields values={Object.fromEntries(Object.entries(hidden).map(([k, v]) => [name(k), v]))} />
      <FieldError id={`${p}-error`}>{error}</FieldError>
      {children(name)}
      <CheckboxField
        id={`${p}-active`}
        name={name("isActive")}
        label={activeLabel}
        defaultChecked={rule.isActive}
      />
    </fieldset>
  );
}

export function DoubleSidedFields({ rule }: { rule: RuleProps<DoubleSidedConfig> }) {
  return (
    <RuleFields rule={rule} kind="double_sided" title="Double-sided reward">
      {(name) => (
        <div className="grid gap-4 sm:grid-cols-2">
          <NumberField
            id="ds-referrer"
            name={name("referrerPoints")}
            label="Referrer gets"
            min={0}
            defaultValue={rule.config.referrerPoints}
            hint="Points per qualified referral"
          />
          <NumberField
            id="ds-new-client"
            name={name("newClientPoints")}
            label="New client gets"
            min={0}
            defaultValue={rule.config.newClientPoints}
            hint="Welcome points for joining with a code"
          />
        </div>
      )}
    </RuleFields>
  );
}

export function TierScheduleFields({ rule }: { rule: RuleProps<{ tiers: Tier[] }> }) {
  const rows = [0, 1, 2, 3].map((i) => rule.config.tiers[i] ?? null);
  return (
    <RuleFields rule={rule} kind="tier_schedule">
      {(name) => (
        <>
          <table className="w-full text-sm">
            <thead className="text-left text-xs tracking-wide text-ink-500 uppercase">
              <tr>
                <th scope="col" className="pb-2 font-medium">
                  From referral #
                </th>
                <th scope="col" className="pb-2 pl-3 font-medium">
                  Points each
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((tier, i) => (
                <tr key={i}>
                  <td className="py-1">
                    <input
                      aria-label={`Tier ${i + 1}: from referral number`}
                      name={name(`from${i + 1}`)}
                      type="number"
                      min={1}
                      inputMode="numeric"
                      defaultValue={tier?.fromReferral ?? ""}
                      readOnly={i === 0}
                      placeholder={i === 0 ? "1" : "—"}
                      className="h-9 w-full rounded-lg border border-ink-300 bg-white px-3 text-sm read-only:bg-ink-50 read-only:text-ink-500"
                    />
                  </td>
                  <td className="py-1 pl-3">
                    <input
                      aria-label={`Tier ${i + 1}: points per referral`}
                      name={name(`points${i + 1}`)}
                      type="number"
                      min={0}
                      inputMode="numeric"
                      defaultValue={tier?.pointsEach ?? ""}
                      placeholder="—"
                      className="h-9 w-full rounded-lg border border-ink-300 bg-white px-3 text-sm"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="text-xs text-ink-500">
            The referrer&apos;s total for their n-th qualified referral. The part above the double-sided share
            is booked as a tier bonus. Leave a row empty to drop it.
          </p>
        </>
      )}
    </RuleFields>
  );
}

export function MilestoneFields({ rule }: { rule: RuleProps<MilestoneConfig> }) {
  const p = `ms-${rule.id}`;
  return (
    <RuleFields
      rule={rule}
      kind="milestone"
      hidden={{ badge: rule.config.badge }}

      className="flex flex-col gap-3 px-5 py-4"
    >
      {(name) => (
        <div className="grid items-start gap-3 sm:grid-cols-[7rem_1fr_1fr_2fr]">
          <div className="sm:pt-7">
            <BadgeMedal badge={rule.config.badge} size="lg" />
          </div>
          <NumberField
            id={`${p}-referrals`}
            name={name("referrals")}
            label="Referrals"
            min={1}
            defaultValue={rule.config.referrals}
          />
          <NumberField
            id={`${p}-bonus`}
            name={name("bonusPoints")}
            label="Bonus points"
            min={0}
            defaultValue={rule.config.bonusPoints}
          />
          <TextField
            id={`${p}-unlock`}
            name={name("unlock")}
            label="Unlocks (optional)"
            defaultValue={rule.config.unlock ?? ""}
            maxLength={100}
          />
        </div>
      )}
    </RuleFields>
  );
}

export function ExpiryFields({ rule }: { rule: RuleProps<{ days: number }> }) {
  return (
    <RuleFields rule={rule} kind="expiry">
      {(name) => (
        <NumberField
          id="expiry-days"
          name={name("days")}
          label="Points expire after (days)"
          min={1}
          defaultValue={rule.config.days}
          hint="Counted from when points become available; the oldest are spent and expire first. Applies to points earned from now on."
        />
      )}
    </RuleFields>
  );
}

export function QualifyingFields({ rule }: { rule: { id: number; isActive: boolean } }) {
  return (
    <RuleFields
      rule={rule}
      kind="qualifying_activity"

      title="Qualifying activity"
      activeLabel="Require a first payment"
    >
      {() => (
        <p className="text-sm text-ink-600">
          When on, a referrer&apos;s points for a referral stay pending until the referred client&apos;s first
          payment. The new client&apos;s welcome points are theirs at once.
        </p>
      )}
    </RuleFields>
  );
}
