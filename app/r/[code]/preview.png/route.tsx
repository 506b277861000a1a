import { ImageResponse } from "next/og";
import { z } from "zod";
import { route } from "@/lib/http";
import { loadInvitePreview } from "@/lib/sharing/invite-preview";

export const dynamic = "force-dynamic";

const params = z.object({ code: z.string().max(64) });

/**
 * The picture of an invite's link preview (og:image of `/signup?ref=CODE`): who invites and what the new
 * client gets, drawn as a 1200×630 PNG with the font bundled in next/og, so it works with no network.
 */
export const GET = route({ access: "public", params }, async ({ db, params }) => {
  const preview = await loadInvitePreview(db, params.code, new Date());
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "72px 80px",
        background: "linear-gradient(135deg, #4c1d95 0%, #6d28d9 55%, #a855f7 100%)",
        color: "white",
      }}
    >
      <div style={{ display: "flex", alignItems: "center", fontSize: 36, fontWeight: 600, opacity: 0.95 }}>
        <div
          style={{
            display: "flex",
            width: 56,
            height: 56,
            marginRight: 20,
            borderRadius: 16,
            background: "white",
            color: "#5b21b6",
            alignItems: "center",
            justifyContent: "center",
            fontSize: 34,
          }}
        >
          M
        </div>
        MuseNest
      </div>
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ fontSize: 72, lineHeight: 1.1, letterSpacing: -1 }}>{preview.title}</div>
        <div style={{ marginTop: 28, fontSize: 36, lineHeight: 1.35, opacity: 0.9 }}>
          {preview.description}
        </div>
      </div>
      {preview.code ? (
        <div style={{ display: "flex", alignItems: "center", fontSize: 32 }}>
          <div style={{ opacity: 0.85, marginRight: 18 }}>Your code</div>
          <div
            style={{
              display: "flex",
              padding: "10px 28px",
              borderRadius: 14,
              background: "rgba(255,255,255,0.16)",
              border: "2px solid rgba(255,255,255,0.5)",
              letterSpacing: 4,
            }}
          >
            {preview.code}
          </div>
        </div>
      ) : (
        <div style={{ display: "flex", fontSize: 32, opacity: 0.85 }}>MuseNest Referrals</div>
      )}
    </div>,
    {
      width: 1200,
      height: 630,
      // Chat apps cache previews; an hour keeps a changed offer from showing for long.
      headers: { "Cache-Control": "public, max-age=3600" },
    },
  );
});
