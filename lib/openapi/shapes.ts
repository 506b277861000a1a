// Small zod pieces for describing what routes answer (request shapes come from lib/validation).
import { z } from "zod";

/** A Date as JSON.stringify writes it. */
export const timestamp = z.iso.datetime({ offset: true });
/** Money as the seed writes it: a decimal string of whole cents ("29.97"). */
export const moneyString = z.string().regex(/^-?\d+\.\d{2}$/);
export const id = z.number().int().positive();
/**
 * Money in one currency: its ISO 4217 code (lower case), the amount as a decimal in that currency's minor
 * units ("3.99" EUR, "500" JPY, "1.250" KWD) and as an integer of minor units. A list of them is one entry
 * per currency, never added across currencies.
 */
export const currencyAmount = z.object({
  currency: z.string().regex(/^[a-z]{3}$/),
  amount: z.string().regex(/^-?\d+(\.\d+)?$/),
  amount_cents: z.number().int(),
});
