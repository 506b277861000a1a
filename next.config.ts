import type { NextConfig } from "next";
import { securityHeaders } from "./lib/edge/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships ~15 MB of WASM; bundling it would copy it into public static media.
  // pg-boss, prom-client and pino load from node_modules too: server.mjs shares their state with the app.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg-boss", "prom-client", "pino"],
  poweredByHeader: false,
  // `unauthorized()` answers 401 with app/unauthorized.tsx: the embedded panel's refused token.
  // Turbopack's build cache only pays off when .next/cache survives between builds; CI builds a clean clone
  // once, and writing the cache took ~40 s of a 2.5-minute build there.
  experimental: { authInterrupts: true, turbopackFileSystemCacheForBuild: !process.env.CI },
  typedRoutes: false,
  // proxy.ts sets the security headers on everything else; Next's hashed build assets skip the proxy.
  async headers() {
    const headers = Object.entries(securityHeaders({ https: false })).map(([key, value]) => ({ key, value }));
    return [{ source: "/_next/static/:path*", headers }];
  },
  // `npm run typecheck` is its own CI step over the whole tree (tests included); not repeated in the build.
  typescript: { ignoreBuildErrors: true },
  // Link-preview fetchers read the Open Graph tags from <head> and don't run scripts, so they must get the
  // metadata blocking rather than streamed. Next's own list plus the chat apps it leaves out (Telegram,
  // Mastodon, embed services).
  htmlLimitedBots:
    /[\w-]+-Google|Google-[\w-]+|Chrome-Lighthouse|Slurp|DuckDuckBot|baiduspider|yandex|sogou|bitlybot|tumblr|vkShare|quora link preview|redditbot|ia_archiver|Bingbot|BingPreview|applebot|facebookexternalhit|facebookcatalog|Twitterbot|LinkedInBot|Slackbot|Discordbot|WhatsApp|SkypeUriPreview|Yeti|googleweblight|TelegramBot|Mastodon|Iframely|Embedly|Pinterest/i,
};

export default nextConfig;
