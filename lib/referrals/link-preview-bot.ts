// Chat apps and social sites fetch a pasted link to draw its preview card. Those fetches are not people
// clicking: counting them would inflate clicks and sink the conversion rate every time a link is shared.
const PREVIEW_FETCHERS =
  /facebookexternalhit|facebookcatalog|meta-externalagent|WhatsApp|Slackbot|Slack-ImgProxy|Twitterbot|TelegramBot|Discordbot|LinkedInBot|Pinterest|redditbot|SkypeUriPreview|Iframely|Embedly|vkShare|Applebot|Google-InspectionTool|bingbot|Googlebot|\bbot\b|crawler|spider|preview/i;

/** True when the user agent belongs to a link-preview fetcher or crawler rather than a browser. */
export function isLinkPreviewFetcher(userAgent: string | null | undefined): boolean {
  return Boolean(userAgent && PREVIEW_FETCHERS.test(userAgent));
}
