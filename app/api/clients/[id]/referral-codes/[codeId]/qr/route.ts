import { appOrigin } from "@/lib/app-url";
import { assertCanActFor } from "@/lib/auth/principal";
import { route } from "@/lib/http";
import { codeQrDownload } from "@/lib/sharing/code-qr-download";
import { referralCodeIdParamsSchema } from "@/lib/validation/referral-codes";
import { referralCodeQrQuerySchema } from "@/lib/validation/referral-qr";

export const dynamic = "force-dynamic";

/** The code's QR (pointing at its `src=qr` invite link) as a PNG or SVG file download. */
export const GET = route(
  { access: "user", params: referralCodeIdParamsSchema, query: referralCodeQrQuerySchema },
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
