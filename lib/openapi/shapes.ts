// Small zod pieces for describing what routes answer (request shapes come from lib/validation).
import { z } from "zod";

/** A Date as JSON.stringify writes it. */
export const timestamp = z.iso.datetime({ offset: true });
/** Money as the seed writes it: a decimal string of whole cents ("29.97"). */
export const moneyString = z.string().regex(/^-?\d+\.\d{2}$/);
export const id = z.number().int().positive();
