// GET /api/clients/:id/referral-codes/:codeId/qr: which file format to download.
import { z } from "zod";
import { QR_FORMATS } from "@/lib/sharing/referral-qr";

export const referralCodeQrQuerySchema = z.object({
  format: z.enum(QR_FORMATS, { error: "format must be png or svg" }).default("png"),
});
