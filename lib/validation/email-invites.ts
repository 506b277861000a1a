// E-mail invite input: the dashboard form (which code, the addresses as typed) and the admin outbox filter.
import { z } from "zod";
import { inviteStatus } from "@/db/schema/enums";
import { accountEmail } from "@/lib/referrals/normalize-email";
import { idParam } from "./referral-codes";

/** At most this many addresses in one submission (the daily limit is separate: see send-email-invites). */
export const MAX_ADDRESSES_PER_SEND = 20;
// A pasted address book is refused before it is split, so a huge body costs nothing to reject.
const ADDRESSES_MAX_LENGTH = 10_000;

const singleEmail = z.email();

/** Commas, semicolons, line breaks or spaces between addresses; each trimmed and lower-cased, blanks dropped. */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((a) => accountEmail(a))
    .filter(Boolean);
}

function quoteList(items: string[]): string {
  const quoted = items.map((i) => `"${i.length > 60 ? `${i.slice(0, 57)}…` : i}"`);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/** The addresses field: split, each checked as an e-mail address, 1–20 of them. Duplicates are kept (reported per address later). */
export const addressListSchema = z
  .string({ error: "Enter at least one e-mail address" })
  .max(ADDRESSES_MAX_LENGTH, { error: "That is too much text: enter at most 20 e-mail addresses" })
  .transform((text, ctx) => {
    const addresses = splitAddresses(text);
    if (!addresses.length) {
      ctx.addIssue({ code: "custom", message: "Enter at least one e-mail address" });
      return z.NEVER;
    }
    if (addresses.length > MAX_ADDRESSES_PER_SEND) {
      ctx.addIssue({
        code: "custom",
        message: `Enter at most ${MAX_ADDRESSES_PER_SEND} addresses at a time (you entered ${addresses.length})`,
      });
      return z.NEVER;
    }
    const invalid = [...new Set(addresses.filter((a) => !singleEmail.safeParse(a).success))];
    if (invalid.length) {
      ctx.addIssue({
        code: "custom",
        message:
          invalid.length === 1
            ? `${quoteList(invalid)} is not a valid e-mail address`
            : `${quoteList(invalid)} are not valid e-mail addresses`,
      });
      return z.NEVER;
    }
    return addresses;
  });

/** The dashboard's "Invite by e-mail" form. Whether the code is the sender's own and usable is the domain's check. */
export const emailInvitesSchema = z
  .object({
    code_id: z
      .string({ error: "Choose the code to invite with" })
      .trim()
      .min(1, { error: "Choose the code to invite with" })
      .pipe(idParam("Referral code")),
    addresses: addressListSchema,
  })
  .transform(({ code_id, addresses }) => ({ codeId: code_id, addresses }));
export type EmailInvitesForm = z.input<typeof emailInvitesSchema>;

/** `/admin/invites?status=`: a page, not an API, so a value that does not parse just means "all". */
export const adminInvitesSearchSchema = z.object({
  status: z.enum(inviteStatus.enumValues).optional().catch(undefined),
});
export type AdminInvitesSearch = z.output<typeof adminInvitesSearchSchema>;
