/**
 * ISO 4217: which currency codes exist and how many minor units each has. The one table the app reads
 * (validation, commissions, payouts, formatting), so a JPY amount is whole yen and a KWD amount is fils
 * everywhere. Amounts are always stored as integers in the currency's minor unit (`amount_cents` keeps its
 * historical name: "cents" of the payment's currency). Written out rather than read from
 * `Intl.supportedValuesOf` so a server's ICU version cannot change which payments are accepted; the
 * table test cross-checks it against Intl where they agree.
 */

/** Active ISO 4217 codes (lower case, as stored), with 2 minor units unless listed in MINOR_UNITS. */
const CODES = `aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bhd bif bmd bnd bob bov brl bsd btn bwp byn
bzd cad cdf che chf chw clf clp cny cop cou crc cuc cup cve czk djf dkk dop dzd egp ern etb eur fjd fkp gbp gel ghs
gip gmd gnf gtq gyd hkd hnl htg huf idr ils inr iqd irr isk jmd jod jpy kes kgs khr kmf kpw krw kwd kyd kzt lak lbp
lkr lrd lsl lyd mad mdl mga mkd mmk mnt mop mru mur mvr mwk mxn mxv myr mzn nad ngn nio nok npr nzd omr pab pen pgk
php pkr pln pyg qar ron rsd rub rwf sar sbd scr sdg sek sgd shp sle sll sos srd ssp stn svc syp szl thb tjs tmt tnd
top try ttd twd tzs uah ugx usd usn uyi uyu uyw uzs ved ves vnd vuv wst xaf xcd xcg xof xpf yer zar zmw zwg`;

/**
 * ISO 4217 minor units other than 2 (the "exponent"): 0 for the yen, 3 for the Kuwaiti dinar. Exported
 * for the SQL that writes amounts as decimals (referral-export.ts).
 */
export const MINOR_UNITS: Readonly<Record<string, number>> = {
  bif: 0,
  clp: 0,
  djf: 0,
  gnf: 0,
  isk: 0,
  jpy: 0,
  kmf: 0,
  krw: 0,
  pyg: 0,
  rwf: 0,
  ugx: 0,
  uyi: 0,
  vnd: 0,
  vuv: 0,
  xaf: 0,
  xof: 0,
  xpf: 0,
  bhd: 3,
  iqd: 3,
  jod: 3,
  kwd: 3,
  lyd: 3,
  omr: 3,
  tnd: 3,
  clf: 4,
  uyw: 4,
};

const KNOWN: ReadonlySet<string> = new Set(CODES.split(/\s+/).filter(Boolean));

/** The program's base currency: flat amounts (bonuses, flat campaign commissions) and the minimum payout setting are in it. */
export const BASE_CURRENCY = "usd";

/** "EUR", " eur " → "eur" (stored lower case, as Stripe sends it). Not a validity check. */
export function normalizeCurrency(code: string): string {
  return code.trim().toLowerCase();
}

export function isKnownCurrency(code: string): boolean {
  return KNOWN.has(normalizeCurrency(code));
}

/** Minor units of a known currency (2 for usd/eur, 0 for jpy, 3 for kwd). Throws on an unknown code. */
export function minorUnits(code: string): number {
  const c = normalizeCurrency(code);
  if (!KNOWN.has(c)) throw new Error(`Unknown currency: ${code}`);
  return MINOR_UNITS[c] ?? 2;
}

/** Every known code, sorted (for tests and pickers). */
export function knownCurrencies(): string[] {
  return [...KNOWN].sort();
}

/**
 * The minimum payout in `currency`'s minor units. The setting is one number in base-currency cents; it
 * applies as the same number of major units in every currency (a 50.00 minimum is $50, €50, ¥50 and
 * 50.000 KWD), rounded up to a whole minor unit: no exchange rates, one rule any referrer can read.
 */
export function minimumInCurrency(minimumBaseCents: number, currency: string): number {
  const exponent = minorUnits(currency);
  if (exponent >= 2) return minimumBaseCents * 10 ** (exponent - 2);
  const divisor = 10 ** (2 - exponent);
  return Math.ceil(minimumBaseCents / divisor);
}
