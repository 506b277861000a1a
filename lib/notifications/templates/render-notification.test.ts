import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS, notificationMessageSchema } from "@/lib/notifications/messages";
import { exampleFrame, exampleKinds, notificationExamples } from "@/testing/notification-examples";
import { cleanSubject, renderNotification } from "./render-notification";

/** The text nodes of the HTML body with entities decoded, roughly what a reader sees. */
function visibleText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

describe("renderNotification", () => {
  it("has a worked example for every kind", () => {
    expect(exampleKinds().sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  it.each(notificationExamples)("$name: subject, key lines, links", async ({ message, subject, lines }) => {
    // The examples are real outbox payloads.
    expect(notificationMessageSchema.parse(message)).toEqual(message);
    const rendered = await renderNotification(message, exampleFrame);

    expect(rendered.subject).toBe(subject);
    // Wrapped at 78 columns, so a sentence may span lines.
    const text = rendered.text.replace(/\s+/g, " ");
    for (const line of lines) expect(text).toContain(line.replace(/\s+/g, " "));
    expect(text).toContain("MuseNest Referrals");
    expect(text).toContain(`Unsubscribe from these e-mails ${exampleFrame.unsubscribeUrl}`);
    expect(text).toContain(`Manage notifications ${exampleFrame.preferencesUrl}`);
    expect(text).toContain(exampleFrame.actionUrl);
    // The plain-text part is text, not leftover markup from the layout.
    expect(rendered.text).not.toMatch(/<(table|td|div|a |span)/);

    expect(rendered.html).toMatch(/^<!DOCTYPE html/);
    for (const url of [exampleFrame.actionUrl, exampleFrame.unsubscribeUrl, exampleFrame.preferencesUrl]) {
      expect(rendered.html).toContain(`href="${url}"`);
    }
    expect(rendered.html).toMatch(
      new RegExp(
        `<a[^>]*href="${exampleFrame.unsubscribeUrl.replace(/[?.]/g, "\\$&")}"[^>]*>Unsubscribe from these e-mails</a>`,
      ),
    );
    // Everything people typed is escaped: the only tags are the layout's own (Outlook's conditional
    // comments in the button aside).
    const tags = rendered.html.replace(/<!--[\s\S]*?-->/g, "");
    expect(tags).not.toMatch(/<(script|img|b|i|x)[\s>]/i);
    expect(rendered.html).toContain("Ada &lt;b&gt;Lovelace&lt;/b&gt;");
    const seen = visibleText(rendered.html);
    for (const line of lines.filter((l) => !l.includes("https://")))
      expect(seen).toContain(line.replace(/\s+/g, " "));
  });

  it("brands the HTML with the program's colours", async () => {
    const rendered = await renderNotification(notificationExamples[0].message, exampleFrame);
    expect(rendered.html).toContain("background-color:#7f22fe"); // the button, brand-600
    expect(rendered.html).toContain("color:#7008e7"); // the wordmark, brand-700
  });
});

describe("cleanSubject", () => {
  it.each([
    ["Payout sent: $1.00", "Payout sent: $1.00"],
    ["a\r\nBcc: x@example.com", "a Bcc: x@example.com"],
    ["tab\tand\u2028line separator\u0000", "tab and line separator"],
    ["x".repeat(200), `${"x".repeat(149)}…`],
  ])("%j → %j", (input, expected) => expect(cleanSubject(input)).toBe(expected));
});
