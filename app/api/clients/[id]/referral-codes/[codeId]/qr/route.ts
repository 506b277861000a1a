import { z } from "zod";
import { appOrigin } from "@/lib/app-url";
import { assertCanActFor } from "@/lib/auth/principal";
import { route } from "@/lib/http";
import { codeQrDownload } from "@/lib/sharing/code-qr-download";
import { QR_FORMATS } from "@/lib/sharing/referral-qr";
import { referralCodeIdParamsSchema } from "@/lib/validation/referral-codes";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  format: z.enum(QR_FORMATS, { error: "format must be png or svg" }).default("png"),
});

/** The code's QR (pointing at its `src=qr` invite link) as a PNG or SVG file download. */
export const GET = route(
  { access: "user", params: referralCodeIdParamsSchema, query: querySchema },
  async ({ db, params, query, principal }) => {
    assertCanActFor(principal, params.id);
    const file = await codeQrDownload(db, {
      clientId: params.id,
      codeId: params.codeId,
      origin: await appOrigin(),
      format: query.format,
    });
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
);
