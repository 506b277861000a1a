"use client";

import { NumberField, TextField } from "@/components/forms/text-field";
import { BadgeMedal } from "@/components/rewards/badge-medal";
import { FieldError } from "@/components/ui/input";
import type { DoubleSidedConfig, MilestoneConfig, Tier } from "@/lib/rewards/rules";
import { RuleForm } from "./rule-form";

type RuleProps<C> = { id: number; isActive: boolean; config: C };

export function DoubleSidedForm({ rule }: { rule: RuleProps<DoubleSidedConfig> }) {
  return (
    <RuleForm
      kind="double_sided"
      ruleId={rule.id}
      active={{ id: "ds-active", defaultChecked: rule.isActive }}
    >
      {(err) => (
        <div className="grid gap-4 sm:grid-cols-2">
          <NumberField
            id="ds-referrer"
            name="referrerPoints"
            label="Referrer gets"
            min={0}
            defaultValue={rule.config.referrerPoints}
            hint="Points per qualified referral"
            error={err.referrerPoints}
          />
          <NumberField
            id="ds-new-client"
            name="newClientPoints"
            label="New client gets"
            min={0}
            defaultValue={rule.config.newClientPoints}
            hint="Welcome points for joining with a code"
            error={err.newClientPoints}
          />
        </div>
      )}
    </RuleForm>
  );
}

export function TierScheduleForm({ rule }: { rule: RuleProps<{ tiers: Tier[] }> }) {
  const rows = [0, 1, 2, 3].map((i) => rule.config.tiers[i] ?? null);
  return (
    <RuleForm
      kind="tier_schedule"
      ruleId={rule.id}
      active={{ id: "tier-active", defaultChecked: rule.isActive }}
    >
      {(err) => (
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
                      name={`from${i + 1}`}
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
                      name={`points${i + 1}`}
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
          <FieldError id="tiers-error">{err.tiers}</FieldError>
          <p className="text-xs text-ink-500">
            The referrer&apos;s total for their n-th qualified referral. The part above the double-sided share
            is booked as a tier bonus. Leave a row empty to drop it.
          </p>
        </>
      )}
    </RuleForm>
  );
}

export function MilestoneForm({ rule }: { rule: RuleProps<MilestoneConfig> }) {
  const p = `ms-${rule.id}`;
  return (
    <RuleForm
      kind="milestone"
      ruleId={rule.id}
      hidden={{ badge: rule.config.badge }}
      className="flex flex-col gap-3 px-5 py-4"
      active={{ id: `${p}-active`, defaultChecked: rule.isActive }}
    >
      {(err) => (
        <div className="grid items-start gap-3 sm:grid-cols-[7rem_1fr_1fr_2fr]">
          <div className="sm:pt-7">
            <BadgeMedal badge={rule.config.badge} size="lg" />
          </div>
          <NumberField
            id={`${p}-referrals`}
            name="referrals"
            label="Referrals"
            min={1}
            defaultValue={rule.config.referrals}
            error={err.referrals}
          />
          <NumberField
            id={`${p}-bonus`}
            name="bonusPoints"
            label="Bonus points"
            min={0}
            defaultValue={rule.config.bonusPoints}
            error={err.bonusPoints}
          />
          <TextField
            id={`${p}-unlock`}
            name="unlock"
            label="Unlocks (optional)"
            defaultValue={rule.config.unlock ?? ""}
            maxLength={100}
            error={err.unlock}
          />
        </div>
      )}
    </RuleForm>
  );
}

export function ExpiryForm({ rule }: { rule: RuleProps<{ days: number }> }) {
  return (
    <RuleForm kind="expiry" ruleId={rule.id} active={{ id: "expiry-active", defaultChecked: rule.isActive }}>
      {(err) => (
        <NumberField
          id="expiry-days"
          name="days"
          label="Points expire after (days)"
          min={1}
          defaultValue={rule.config.days}
          hint="Counted from when points become available; the oldest are spent and expire first. Applies to points earned from now on."
          error={err.days}
        />
      )}
    </RuleForm>
  );
}

export function QualifyingForm({ rule }: { rule: { id: number; isActive: boolean } }) {
  return (
    <RuleForm
      kind="qualifying_activity"
      ruleId={rule.id}
      active={{ id: "qualifying-active", label: "Require a first payment", defaultChecked: rule.isActive }}
    >
      {() => (
        <p className="text-sm text-ink-600">
          When on, a referrer&apos;s points for a referral stay pending until the referred client&apos;s first
          payment. The new client&apos;s welcome points are theirs at once.
        </p>
      )}
    </RuleForm>
  );
}
