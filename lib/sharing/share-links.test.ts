import { describe, expect, it } from "vitest";
import { buildShareLinks, channelLinks, inviteLink, shareMessage, SHARE_SOURCES } from "./share-links";

describe("inviteLink", () => {
  it.each([
    ["https://musenest.app", "ROSE10", "whatsapp", "https://musenest.app/r/ROSE10?src=whatsapp"],
    ["https://musenest.app/", "ROSE10", "qr", "https://musenest.app/r/ROSE10?src=qr"],
    ["http://localhost:3100//", "ROSE-10", "link", "http://localhost:3100/r/ROSE-10?src=link"],
    ["https://musenest.app", "A/B?x", "sms", "https://musenest.app/r/A%2FB%3Fx?src=sms"],
  ] as const)("%s + %s + %s → %s", (origin, code, source, expected) => {
    expect(inviteLink(origin, code, source)).toBe(expected);
  });
});

describe("buildShareLinks", () => {
  const links = buildShareLinks({ origin: "https://musenest.app", code: "ROSE10", referrerName: "Rose" });

  it("tags one invite link per channel", () => {
    expect(Object.keys(links.inviteLinks)).toEqual([...SHARE_SOURCES]);
    for (const source of SHARE_SOURCES) {
      expect(new URL(links.inviteLinks[source]).searchParams.get("src")).toBe(source);
    }
  });

  it.each([
    ["whatsapp", "https://wa.me/", "text", "whatsapp"],
    ["sms", "sms:", "body", "sms"],
    ["email", "mailto:", "body", "email"],
  ] as const)("%s carries the message and its own tagged link", (channel, prefix, param, source) => {
    const href = links[channel];
    expect(href.startsWith(prefix)).toBe(true);
    const value = new URLSearchParams(href.slice(href.indexOf("?") + 1)).get(param);
    expect(value).toBe(`${links.message} https://musenest.app/r/ROSE10?src=${source}`);
  });

  it("gives the e-mail a subject naming the referrer", () => {
    const query = new URLSearchParams(links.email.slice("mailto:?".length));
    expect(query.get("subject")).toBe("Rose invites you to MuseNest");
  });

  it("passes X the message and the social link separately", () => {
    const url = new URL(links.x);
    expect(url.origin + url.pathname).toBe("https://twitter.com/intent/tweet");
    expect(url.searchParams.get("text")).toBe(links.message);
    expect(url.searchParams.get("url")).toBe("https://musenest.app/r/ROSE10?src=social");
  });

  it.each([
    [
      "Rose",
      "ROSE10",
      "a 7-day free trial and 20 bonus points",
      "Rose invites you to MuseNest. Sign up with code ROSE10 and get a 7-day free trial and 20 bonus points.",
    ],
    ["  ", "X1", null, "A friend invites you to MuseNest. Sign up with code X1."],
  ])("message for %j with %s and offer %j", (name, code, offer, expected) => {
    expect(shareMessage(name, code, offer)).toBe(expected);
  });

  it("encodes characters that would break the query", () => {
    const tricky = buildShareLinks({ origin: "https://m.app", code: "AB12", referrerName: "Ann & Bo #1" });
    const text = new URL(tricky.whatsapp).searchParams.get("text");
    expect(text).toContain("Ann & Bo #1 invites you");
  });
});

describe("channelLinks", () => {
  const links = buildShareLinks({ origin: "https://musenest.app", code: "ROSE10", referrerName: "Rose" });

  it("carries the referrer's edited message, not the default one", () => {
    const edited = channelLinks(
      "Hey Sam — this is the app I told you about & it's 20% off!",
      links.inviteLinks,
      "Rose",
    );
    expect(new URL(edited.whatsapp).searchParams.get("text")).toBe(
      "Hey Sam — this is the app I told you about & it's 20% off! https://musenest.app/r/ROSE10?src=whatsapp",
    );
    expect(new URLSearchParams(edited.sms.slice("sms:?".length)).get("body")).toBe(
      "Hey Sam — this is the app I told you about & it's 20% off! https://musenest.app/r/ROSE10?src=sms",
    );
    expect(new URLSearchParams(edited.email.slice("mailto:?".length)).get("body")).toMatch(
      /^Hey Sam .*src=email$/,
    );
    expect(new URL(edited.x).searchParams.get("text")).toBe(
      "Hey Sam — this is the app I told you about & it's 20% off!",
    );
  });

  it("sends the link alone when the message is emptied", () => {
    const bare = channelLinks("   ", links.inviteLinks, "Rose");
    expect(new URL(bare.whatsapp).searchParams.get("text")).toBe(
      "https://musenest.app/r/ROSE10?src=whatsapp",
    );
  });

  it("is what buildShareLinks gives for the default message", () => {
    const { whatsapp, sms, email, x } = links;
    expect(channelLinks(links.message, links.inviteLinks, "Rose")).toEqual({ whatsapp, sms, email, x });
  });
});
