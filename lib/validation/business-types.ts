// What a client's business is; offered by the signup form (the API accepts any short string, as the seed does).
export const BUSINESS_TYPES = ["creator", "escort", "coach", "studio", "agency", "other"] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];
