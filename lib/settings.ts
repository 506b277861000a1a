import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { appSettings } from "@/db/schema";
import { jsonRead, type JsonRead } from "@/db/json-batch";
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

/** A stored value (or none) resolved as getSetting does: stored, else the environment, else the default. */
function resolveSetting<K extends SettingKey>(key: K, stored: unknown): SettingValue<K> {
  const def = settingDefinitions[key];
  for (const candidate of [stored, process.env[def.env]]) {
    if (candidate === undefined || candidate === null || candidate === "") continue;
    const parsed = def.schema.safeParse(candidate);
    if (parsed.success) return parsed.data as SettingValue<K>;
  }
  return def.fallback as SettingValue<K>;
}

export async function getSetting<K extends SettingKey>(db: DbOrTx, key: K): Promise<SettingValue<K>> {
  const [row] = await db
    .select({ value: appSettings.value })
    .from(appSettings)
    .where(eq(appSettings.key, key))
    .limit(1);
  return resolveSetting(key, row?.value);
}

/** Several settings as one JSON read (a page's part of a batch), each resolved as getSetting does. */
export function settingsRead<K extends SettingKey>(
  keys: readonly K[],
): JsonRead<{ [P in K]: SettingValue<P> }> {
  const query = sql`SELECT json_object_agg(s.key, s.value) FROM app_settings s
                     WHERE s.key IN (${sql.join(
                       keys.map((k) => sql`${k}`),
                       sql`, `,
                     )})`;
  return jsonRead(
    query,
    z.record(z.string(), z.unknown()).nullable(),
    (stored) =>
      Object.fromEntries(keys.map((key) => [key, resolveSetting(key, stored?.[key])])) as {
        [P in K]: SettingValue<P>;
      },
  );
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
