import { z } from "zod";
import {
  embedTokenIdParamsSchema,
  issueEmbedTokenSchema,
  revokeEmbedTokensQuerySchema,
} from "@/lib/validation/embed";
import { defineOperations } from "../operation";
import { id, timestamp } from "../shapes";

export const embedOperations = defineOperations([
  {
    method: "post",
    path: "/api/embed-tokens",
    operationId: "issueEmbedToken",
    tag: "Embedded panel",
    summary: "A short-lived token that opens one client's embeddable referral panel",
    description:
      "Issue it server-side and put `url` in an iframe on an origin listed in `EMBED_ALLOWED_ORIGINS`. The token lives `ttl_seconds` (default 1,800, at most 3,600), is stored only as a hash and opens nothing but that panel.",
    access: "admin",
    apiKeyOnly: true,
    body: issueEmbedTokenSchema,
    bodyExample: { user_id: 42, ttl_seconds: 1800 },
    responses: {
      201: {
        description: "The token, shown this once, and the panel's path.",
        schema: z.object({
          id,
          user_id: id,
          token: z.string().startsWith("emt_"),
          url: z.string().startsWith("/embed/referrals?token="),
          expires_at: timestamp,
        }),
        example: {
          id: 7,
          user_id: 42,
          token: "emt_0Yb3m1yq2nQbS3kQ0bq4d9mX8kY2rT6sV1wZ5uA7cE9",
          url: "/embed/referrals?token=emt_0Yb3m1yq2nQbS3kQ0bq4d9mX8kY2rT6sV1wZ5uA7cE9",
          expires_at: "2026-12-01T10:00:00.000Z",
        },
      },
    },
    errors: { 403: "A session instead of an API key.", 404: "No active client with that id or e-mail." },
  },
  {
    method: "delete",
    path: "/api/embed-tokens",
    operationId: "revokeClientEmbedTokens",
    tag: "Embedded panel",
    summary: "Revoke every live embed token of one client (e.g. when they sign out of your app)",
    access: "admin",
    apiKeyOnly: true,
    query: revokeEmbedTokensQuerySchema,
    responses: {
      200: {
        description: "How many tokens were revoked.",
        schema: z.object({ user_id: id, revoked: z.number().int().nonnegative() }),
        example: { user_id: 42, revoked: 2 },
      },
    },
    errors: { 403: "A session instead of an API key." },
  },
  {
    method: "delete",
    path: "/api/embed-tokens/{id}",
    operationId: "revokeEmbedToken",
    tag: "Embedded panel",
    summary: "Revoke one embed token: its panel shows “no longer valid” from now on",
    access: "admin",
    apiKeyOnly: true,
    params: embedTokenIdParamsSchema,
    responses: {
      200: {
        description: "Revoked.",
        schema: z.object({ id, revoked: z.literal(true) }),
        example: { id: 7, revoked: true },
      },
    },
    errors: { 403: "A session instead of an API key.", 404: "No live embed token with that id." },
  },
]);
