import { eq } from "drizzle-orm";
import { z } from "zod";
import { appSettings } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

/**
 * Operator settings: a value stored in app_settings wins, else the environment variable, else the default.
 * Each setting has a zod schema so a bad stored value falls back instead of breaking money rules.
 */
export const settingDefinitions = {
  commissionHoldDays: {
    env: "COMMISSION_HOLD_DAYS",
    schema: z.coerce.number().int().min(0).max(365),
    fallback: 30,
  },
  minimumPayoutCents: { env: "MINIMUM_PAYOUT_CENTS", schema: z.coerce.number().int().min(0), fallback: 5000 },
  // Retention bonus: a flat amount once per referral after this many months of continuous subscription (0 = off).
  retentionBonusMonths: {
    env: "RETENTION_BONUS_MONTHS",
    schema: z.coerce.number().int().min(0).max(120),
    fallback: 0,
  },
  retentionBonusCents: {
    env: "RETENTION_BONUS_CENTS",
    schema: z.coerce.number().int().min(0).max(1_000_000),
    fallback: 2500,
  },
  referralCookieDays: {
    env: "REFERRAL_COOKIE_DAYS",
    schema: z.coerce.number().int().min(1).max(365),
    fallback: 30,
  },
} as const;

export type SettingKey = keyof typeof settingDefinitions;
type SettingValue<K extends SettingKey> = z.output<(typeof settingDefinitions)[K]["schema"]>;

export async function getSetting<K extends SettingKey>(db: DbOrTx, key: K): Promise<SettingValue<K>> {
  const def = settingDefinitions[key];
  const [row] = await db
    .select({ value: appSettings.value })
    .from(appSettings)
    .where(eq(appSettings.key, key))
    .limit(1);
  for (const candidate of [row?.value, process.env[def.env]]) {
    if (candidate === undefined || candidate === null || candidate === "") continue;
    const parsed = def.schema.safeParse(candidate);
    if (parsed.success) return parsed.data as SettingValue<K>;
  }
  return def.fallback as SettingValue<K>;
}

export async function setSetting<K extends SettingKey>(
  db: DbOrTx,
  key: K,
  value: SettingValue<K>,
): Promise<void> {
  const parsed = settingDefinitions[key].schema.parse(value);
  await db
    .insert(appSettings)
    .values({ key, value: parsed, updatedAt: new Date() })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: parsed, updatedAt: new Date() } });
}
