import "server-only";
import { and, eq } from "drizzle-orm";
import { referralCodes } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { notFound } from "@/lib/errors";
import { qrFile, type QrFormat } from "./referral-qr";
import { inviteLink } from "./share-links";

/** The QR download for one of the client's codes, pointing at its `src=qr` invite link; 404 if not theirs. */
export async function codeQrDownload(
  db: DbOrTx,
  input: { clientId: number; codeId: number; origin: string; format: QrFormat },
) {
  const [row] = await db
    .select({ code: referralCodes.code })
    .from(referralCodes)
    .where(and(eq(referralCodes.id, input.codeId), eq(referralCodes.clientId, input.clientId)));
  if (!row) throw notFound("Referral code");
  return qrFile(inviteLink(input.origin, row.code, "qr"), row.code, input.format);
}
