import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { PNG } from "pngjs";
import { LoginPage } from "./pages/login-page";

const CHAT_APPS = {
  WhatsApp: "WhatsApp/2.23.20.0 A",
  Telegram: "TelegramBot (like TwitterBot)",
  Slack: "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
};

/** The content of `<meta property|name="key">` in the page's <head>. */
function meta(html: string, key: string): string | null {
  const head = html.slice(0, html.indexOf("</head>"));
  const tag = head.match(new RegExp(`<meta[^>]+(?:property|name)="${key}"[^>]*>`))?.[0];
  const content = tag?.match(/content="([^"]*)"/)?.[1];
  return content === undefined ? null : content.replace(/&amp;/g, "&").replace(/&#x27;|&#39;/g, "'");
}

async function mayaClicks(page: Page, code: string): Promise<number> {
  const me = await (await page.request.get("/api/me")).json();
  const { data } = await (
    await page.request.get(`/api/clients/${me.data.user_id}/referral-analytics`)
  ).json();
  return data.codes.find((c: { code: string }) => c.code === code).clicks;
}

async function previewOf(request: APIRequestContext, path: string, userAgent: string) {
  // Like a chat app: follow the invite link's redirect and read the card from the page it lands on.
  const response = await request.get(path, { headers: { "user-agent": userAgent } });
  expect(response.status()).toBe(200);
  return { url: response.url(), html: await response.text() };
}

test("an invite link pasted in a chat previews as a card naming the referrer and the offer", async ({
  page,
  request,
}) => {
  await new LoginPage(page).signInAs("maya@example.com");
  const clicksBefore = await mayaClicks(page, "MAYA2025");

  for (const [app, userAgent] of Object.entries(CHAT_APPS)) {
    const { url, html } = await previewOf(request, "/r/MAYA2025?src=whatsapp", userAgent);
    expect(url, app).toMatch(/\/signup\?ref=MAYA2025$/);
    expect(meta(html, "og:title"), app).toBe("Maya invited you to MuseNest");
    expect(meta(html, "og:description"), app).toBe(
      "Sign up with code MAYA2025 and get a 7-day free trial and 20 bonus points.",
    );
    expect(meta(html, "twitter:card"), app).toBe("summary_large_image");
    // Display name only: never the referrer's e-mail.
    expect(html, app).not.toContain("maya@example.com");

    const image = meta(html, "og:image");
    expect(image, app).toMatch(/\/r\/MAYA2025\/preview\.png$/);
    const picture = await request.get(new URL(image!).pathname, { headers: { "user-agent": userAgent } });
    expect(picture.headers()["content-type"]).toBe("image/png");
    const png = PNG.sync.read(await picture.body());
    expect([png.width, png.height]).toEqual([1200, 630]);
  }

  await page.goto("/r/MAYA2025/preview.png");
  await page.screenshot({ path: "test-results/screens/invite-preview-card.png" });

  // Drawing previews is not visiting: the chat apps' fetches added no clicks; a person's visit adds one.
  expect(await mayaClicks(page, "MAYA2025")).toBe(clicksBefore);
  const visit = await request.get("/r/MAYA2025?src=whatsapp", { maxRedirects: 0 });
  expect(visit.status()).toBe(307);
  expect(await mayaClicks(page, "MAYA2025")).toBe(clicksBefore + 1);
});

test("an expired code's link previews as the generic card, naming no one", async ({ request }) => {
  const { html } = await previewOf(request, "/r/MAYA2024", CHAT_APPS.WhatsApp);
  expect(meta(html, "og:title")).toBe("Join MuseNest");
  expect(meta(html, "og:description")).toBe("Sign up and get a 7-day free trial and 20 bonus points.");
  expect(html.slice(0, html.indexOf("</head>"))).not.toContain("Maya");
  const picture = await request.get("/r/MAYA2024/preview.png");
  expect(picture.headers()["content-type"]).toBe("image/png");
});
