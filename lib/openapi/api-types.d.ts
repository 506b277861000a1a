// Generated from GET /api/openapi.json by `npm run openapi:types` (openapi-typescript). Do not edit:
// lib/openapi/openapi.test.ts fails when this file differs from what the code's document generates.
export interface paths {
  "/api/admin/payout-batches/{id}/csv": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A payout batch for finance, one line per referrer (CSV)
     * @description An admin's session cookie or an API key.
     */
    get: operations["downloadPayoutBatchCsv"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/referral-export": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Bulk export of referrals, with every filter of the admin table
     * @description Streamed JSON or CSV (`format`); `X-Total-Count` is the filtered total, for progress bars. Audited.
     *
     *     An admin's session cookie or an API key.
     */
    get: operations["exportReferrals"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/auth/password-reset": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * E-mail a single-use link to choose a new password
     * @description Always 202 with the same body, whether or not the address has an account. The link works for 30 minutes. Throttled per address and per caller (429 with `Retry-After`).
     *
     *     Public: no session or API key needed.
     */
    post: operations["requestPasswordReset"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/auth/password-reset/confirm": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Set a new password with the e-mailed token; every session of the account ends
     * @description Public: no session or API key needed.
     */
    post: operations["confirmPasswordReset"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/clients": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a client
     * @description The seed's client creation, through the same signup as the form: an account, a site, a trial subscription and the client's own referral code. With `referral_code`, the referral is attributed.
     *
     *     An admin's session cookie or an API key.
     */
    post: operations["createClient"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/clients/{id}/commissions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The client's commission totals and latest ledger rows
     * @description A client may read only their own id (403 for any other id).
     *
     *     Any signed-in user (session cookie) or an API key.
     */
    get: operations["listClientCommissions"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/clients/{id}/partner": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Assign or clear the client's white-label partner
     * @description Applies to payments recorded after the change; audited.
     *
     *     An admin's session cookie or an API key.
     */
    put: operations["assignClientPartner"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/clients/{id}/referral-analytics": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The client's referral analytics, or one month's report
     * @description E-mails are masked unless an admin asks. A client may read only their own id (403 for any other id).
     *
     *     Any signed-in user (session cookie) or an API key.
     */
    get: operations["getReferralAnalytics"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/clients/{id}/referral-codes": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the client's referral codes with usage and commission counters
     * @description A client may act only for their own id (403 for any other id, existing or not).
     *
     *     Any signed-in user (session cookie) or an API key.
     */
    get: operations["listReferralCodes"];
    put?: never;
    /**
     * Create a referral code (custom or generated)
     * @description Every field is optional; without `custom_code` a code is generated. A code that is taken or badly formed is a 400. A client may act only for their own id (403 for any other id, existing or not).
     *
     *     Any signed-in user (session cookie) or an API key.
     */
    post: operations["createReferralCode"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/clients/{id}/referral-codes/{codeId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Activate/deactivate a code or change its name, usage limit or expiry
     * @description Only the fields given change. A client may act only for their own id (403 for any other id, existing or not).
     *
     *     Any signed-in user (session cookie) or an API key.
     */
    patch: operations["updateReferralCode"];
    trace?: never;
  };
  "/api/clients/{id}/referral-codes/{codeId}/qr": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download the code's QR (PNG or SVG)
     * @description The QR points at the code's invite link (`src=qr`). A client may act only for their own id (403 for any other id, existing or not).
     *
     *     Any signed-in user (session cookie) or an API key.
     */
    get: operations["downloadReferralCodeQr"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/clients/{id}/referral-codes/suggestions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Five free codes to pick from
     * @description The seed's shape: `suggestions` beside `success`, no `data`. A client may act only for their own id (403 for any other id, existing or not).
     *
     *     Any signed-in user (session cookie) or an API key.
     */
    post: operations["suggestReferralCodes"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/embed-tokens": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A short-lived token that opens one client's embeddable referral panel
     * @description Issue it server-side and put `url` in an iframe on an origin listed in `EMBED_ALLOWED_ORIGINS`. The token lives `ttl_seconds` (default 1,800, at most 3,600), is stored only as a hash and opens nothing but that panel.
     *
     *     An API key only: a signed-in admin's session gets 403.
     */
    post: operations["issueEmbedToken"];
    /**
     * Revoke every live embed token of one client (e.g. when they sign out of your app)
     * @description An API key only: a signed-in admin's session gets 403.
     */
    delete: operations["revokeClientEmbedTokens"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/embed-tokens/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke one embed token: its panel shows “no longer valid” from now on
     * @description An API key only: a signed-in admin's session gets 403.
     */
    delete: operations["revokeEmbedToken"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/health": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness: the process answers (no database read)
     * @description Public: no session or API key needed.
     */
    get: operations["getHealth"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/leaderboard": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Top referrers by referrals (not in review, not rejected)
     * @description Names are masked unless the referrer opted in; a signed-in client also gets their own place.
     *
     *     Any signed-in user (session cookie) or an API key.
     */
    get: operations["getLeaderboard"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/me": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who the caller is: the signed-in user, or the API key in use
     * @description Any signed-in user (session cookie) or an API key.
     */
    get: operations["getMe"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/me/referrals": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Everyone the signed-in client referred, one page at a time, with totals
     * @description E-mails are masked. `commission_earned` is in usd (the base currency); `commission_by_currency` lists the commission in every currency it was earned in (usd first), never added across currencies.
     *
     *     A signed-in client, for themselves (session cookie only).
     */
    get: operations["listMyReferrals"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/metrics": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Prometheus metrics
     * @description `Authorization: Bearer <METRICS_TOKEN or an API key>`.
     *
     *     An admin's session cookie or an API key.
     */
    get: operations["getMetrics"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/openapi.json": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * This OpenAPI 3.1 document
     * @description Generated from the routes' own zod schemas; browse it at /docs/api.
     *
     *     Public: no session or API key needed.
     */
    get: operations["getOpenApiDocument"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/payments": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a client's payment, refund or chargeback
     * @description Writes the commissions it earns (or reverses). Idempotent on `external_id`: the same id again answers 200 with the first result and writes nothing.
     *
     *     An admin's session cookie or an API key.
     */
    post: operations["recordPayment"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/ready": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness: the database is open, migrated and seeded
     * @description Public: no session or API key needed.
     */
    get: operations["getReady"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/referral-codes/validate/{code}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Whether a code can be used
     * @description The seed's own shape (`{ valid, data | error }`): every lookup answers 200, a failed check too. A stranger learns only the code and the referrer's display name; the owner, admins and API keys also get the usage figures and the masked e-mail.
     *
     *     Public: no session or API key needed.
     */
    get: operations["validateReferralCode"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/rewards": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The signed-in client's points: balance, catalog, coupons and history
     * @description A signed-in client, for themselves (session cookie only).
     */
    get: operations["getRewards"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/rewards/redeem": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Spend points on a catalog reward
     * @description A signed-in client, for themselves (session cookie only).
     */
    post: operations["redeemReward"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/webhook-deliveries/{id}/retry": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a delivery again now (same event id)
     * @description An admin's session cookie or an API key.
     */
    post: operations["retryWebhookDelivery"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/webhook-endpoints": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every webhook endpoint, without secrets
     * @description An admin's session cookie or an API key.
     */
    get: operations["listWebhookEndpoints"];
    put?: never;
    /**
     * Subscribe a URL to events; the signing secret is shown this once
     * @description Deliveries follow the Standard Webhooks specification (`webhook-id`, `webhook-timestamp`, `webhook-signature`). A URL that resolves to a loopback, private, link-local or metadata address is refused.
     *
     *     An admin's session cookie or an API key.
     */
    post: operations["createWebhookEndpoint"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/webhook-endpoints/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete an endpoint and its delivery history
     * @description An admin's session cookie or an API key.
     */
    delete: operations["deleteWebhookEndpoint"];
    options?: never;
    head?: never;
    /**
     * Change an endpoint's URL, events, description, or enable/disable it
     * @description An admin's session cookie or an API key.
     */
    patch: operations["updateWebhookEndpoint"];
    trace?: never;
  };
  "/api/webhook-endpoints/{id}/deliveries": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An endpoint's latest 50 deliveries, newest first
     * @description An admin's session cookie or an API key.
     */
    get: operations["listWebhookDeliveries"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/webhook-endpoints/{id}/rotate-secret": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A new signing secret, shown once, used from now on
     * @description An admin's session cookie or an API key.
     */
    post: operations["rotateWebhookSecret"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/webhook-endpoints/{id}/test": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a signed `webhook.test` event to this endpoint now
     * @description Answers the outcome; a failed test is retried by the delivery job like any other delivery.
     *
     *     An admin's session cookie or an API key.
     */
    post: operations["sendWebhookTest"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/webhooks/stripe": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Stripe events (authenticated by their `Stripe-Signature`)
     * @description The raw body is what Stripe signed. A signed event that is malformed answers 400 `malformed_event`; a well-formed one of a type not used here, 200 with `outcome: ignored`.
     *
     *     Public: no session or API key needed.
     */
    post: operations["receiveStripeWebhook"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /**
     * @example {
     *       "success": false,
     *       "error": "Invalid request",
     *       "code": "invalid_request",
     *       "details": [
     *         "name: name is required"
     *       ]
     *     }
     */
    Error: {
      /** @description A stable machine-readable code, e.g. `not_found`. */
      code?: string;
      /** @description One line per bad field. */
      details?: string[];
      /** @description A message fit to show the user. */
      error: string;
      /** @constant */
      success: false;
    };
    RawError: {
      error: string;
      /** @constant */
      valid: false;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  downloadPayoutBatchCsv: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The CSV as an attachment. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "text/csv": string;
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Signed in, but not allowed to do this (`code: forbidden`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such payout batch. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  exportReferrals: {
    parameters: {
      query?: {
        campaign?: number;
        columns?: string;
        commission_status?: "all" | "eligible" | "paid" | "pending" | "approved" | "reversed" | "rejected";
        dir?: "asc" | "desc";
        end_date?: string;
        flagged?: boolean | ("0" | "1" | "true" | "on" | "false" | "off");
        format?: "json" | "csv";
        referrer?: string;
        sort?: "signup_date" | "commission";
        source?: "link" | "email" | "sms" | "whatsapp" | "qr" | "social" | "manual" | "api";
        start_date?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The export as an attachment (`application/json` or `text/csv`). */
      200: {
        headers: {
          /** @description How many referrals match the filters. */
          "X-Total-Count"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": string;
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Signed in, but not allowed to do this (`code: forbidden`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  requestPasswordReset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "email": "maya@example.com"
         *     }
         */
        "application/json": {
          email: string;
        };
      };
    };
    responses: {
      /** @description Accepted (the same answer for every address). */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "requested": true
           *       }
           *     }
           */
          "application/json": {
            data: {
              /** @constant */
              requested: true;
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests for this address or from this caller. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  confirmPasswordReset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "token": "q3Vd0m8bZ1yK7xT5wR2nP4sL6cJ9hF0a",
         *       "password": "a brand new passphrase 77"
         *     }
         */
        "application/json": {
          confirmPassword?: string;
          password: string;
          token: string;
        };
      };
    };
    responses: {
      /** @description The password is changed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "reset": true
           *       }
           *     }
           */
          "application/json": {
            data: {
              /** @constant */
              reset: true;
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description `token_used`, `token_expired` or `token_invalid`, or a password the policy refuses (`weak_password`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  createClient: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "name": "Sarah Johnson",
         *       "email": "sarah@example.org",
         *       "business_type": "escort",
         *       "referral_code": "MAYA2025",
         *       "subscription_tier_id": 2
         *     }
         */
        "application/json": {
          ai_config?: {
            [key: string]: unknown;
          };
          business_type: string;
          /** @default muse_owned */
          client_type?: string;
          description?: string;
          email: string;
          name: string;
          phone?: string;
          referral_code?: string;
          /** @default 1 */
          region_id?: number;
          /** @default 30 */
          sales_channel_id?: number;
          /** @enum {string} */
          source?: "link" | "email" | "sms" | "whatsapp" | "qr" | "social" | "manual" | "api";
          /**
           * @default active
           * @enum {string}
           */
          status?: "active" | "suspended" | "inactive";
          subscription_tier_id?: number;
          template_id?: number;
          /** @default 7 */
          trial_days?: number;
        };
      };
    };
    responses: {
      /** @description Created (`message: Client created successfully`). */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "user_id": 42,
           *         "model_id": 17,
           *         "account_number": "MO-US-30-000042",
           *         "subscription_id": 40,
           *         "temp_password": "vG7#p2Lq9x",
           *         "login_url": "/login?email=sarah%40example.org",
           *         "site_url": "/sarah-johnson",
           *         "referral_code": "SARAH2026",
           *         "referral_info": {
           *           "code_used": "MAYA2025",
           *           "referred_by": "maya@example.com"
           *         }
           *       }
           *     }
           */
          "application/json": {
            data: {
              account_number: string;
              login_url: string;
              model_id: number;
              referral_code: string;
              referral_info: {
                code_used: string;
                referred_by: string;
              } | null;
              site_url: string;
              subscription_id: number;
              temp_password: string;
              user_id: number;
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Signed in, but not allowed to do this (`code: forbidden`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listClientCommissions: {
    parameters: {
      query?: {
        limit?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Totals summed from the ledger, and the latest rows (`limit`, default 50). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "summary": {
           *           "total_commission_earned": "29.97",
           *           "commission_pending": "9.99",
           *           "commission_on_hold": "9.99",
           *           "commission_approved": "0.00",
           *           "commission_paid": "19.98",
           *           "total_commission_earned_cents": 2997,
           *           "commission_pending_cents": 999,
           *           "commission_on_hold_cents": 999,
           *           "commission_in_review_cents": 0,
           *           "commission_approved_cents": 0,
           *           "commission_paid_cents": 1998,
           *           "commission_reversed_cents": 0
           *         },
           *         "commissions": []
           *       }
           *     }
           */
          "application/json": {
            data: {
              commissions: {
                amount: string;
                amount_cents: number;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                hold_until: string;
                id: number;
                /** @enum {string} */
                kind: "earning" | "reversal";
                /** @enum {string} */
                level: "direct" | "partner" | "bonus" | "retention";
                note: string | null;
                referral: {
                  code_used: string;
                  commission_amount: string;
                  commission_amount_cents: number;
                  commission_eligible: boolean;
                  commission_paid: boolean;
                  id: number;
                  referred_user_email: string;
                } | null;
                /** @enum {string} */
                status: "pending" | "approved" | "paid" | "reversed" | "rejected";
              }[];
              summary: {
                commission_approved: string;
                commission_approved_cents: number;
                commission_in_review_cents: number;
                commission_on_hold: string;
                commission_on_hold_cents: number;
                commission_paid: string;
                commission_paid_cents: number;
                commission_pending: string;
                commission_pending_cents: number;
                commission_reversed_cents: number;
                total_commission_earned: string;
                total_commission_earned_cents: number;
              };
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A client may read only their own id (403 for any other id). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Client not found. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  assignClientPartner: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "partner_user_id": 12
         *     }
         */
        "application/json": {
          partner_user_id: number | null;
        };
      };
    };
    responses: {
      /** @description The assignment (`changed: false` when it was already so). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "client_id": 42,
           *         "partner": {
           *           "user_id": 12,
           *           "name": "Studio North",
           *           "email": "partner@example.com",
           *           "override_bps": 500
           *         },
           *         "previous_partner_user_id": null,
           *         "changed": true
           *       }
           *     }
           */
          "application/json": {
            data: {
              changed: boolean;
              client_id: number;
              partner: {
                email: string;
                name: string;
                override_bps: number;
                user_id: number;
              } | null;
              previous_partner_user_id: number | null;
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Signed in, but not allowed to do this (`code: forbidden`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such client or partner. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getReferralAnalytics: {
    parameters: {
      query?: {
        month?: string;
        period?: "monthly";
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The overview; with `period=monthly` the report for `month` (UTC, default this month). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "period": "2025-06",
           *         "total_referrals": 14,
           *         "new_referrals": 3,
           *         "commission_earned": "8.97",
           *         "commission_pending": "8.97",
           *         "commission_on_hold": "8.97",
           *         "commission_approved": "0.00",
           *         "top_performing_code": "MAYA2025",
           *         "conversion_rate": 0.12,
           *         "other_currencies": [
           *           {
           *             "currency": "eur",
           *             "commission_earned": "3.99",
           *             "commission_pending": "3.99",
           *             "commission_on_hold": "3.99",
           *             "commission_approved": "0.00"
           *           }
           *         ]
           *       }
           *     }
           */
          "application/json": {
            data:
              | ({
                  codes: ({
                    code: string;
                    commission_by_currency: {
                      amount: string;
                      amount_cents: number;
                      currency: string;
                    }[];
                    id: number;
                    total_signups: number;
                  } & {
                    [key: string]: unknown;
                  })[];
                  recent_referrals: ({
                    commission_by_currency: {
                      amount: string;
                      amount_cents: number;
                      currency: string;
                    }[];
                    referred_user_email: string;
                    /** Format: date-time */
                    used_at: string;
                  } & {
                    [key: string]: unknown;
                  })[];
                  summary: {
                    active_codes: number;
                    commission_pending: string;
                    other_currencies: {
                      commission_paid: string;
                      commission_pending: string;
                      currency: string;
                      total_commission_earned: string;
                    }[];
                    total_codes: number;
                    total_commission_earned: string;
                    total_referrals: number;
                  } & {
                    [key: string]: unknown;
                  };
                } & {
                  [key: string]: unknown;
                })
              | ({
                  commission_earned: string;
                  commission_pending: string;
                  conversion_rate: number | null;
                  new_referrals: number;
                  other_currencies: {
                    commission_approved: string;
                    commission_earned: string;
                    commission_on_hold: string;
                    commission_pending: string;
                    currency: string;
                  }[];
                  period: string;
                  top_performing_code: string | null;
                  total_referrals: number;
                } & {
                  [key: string]: unknown;
                });
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A client may read only their own id (403 for any other id). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Client not found. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listReferralCodes: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every code of the client. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": [
           *         {
           *           "id": 7,
           *           "code": "MAYA2025",
           *           "code_name": "Instagram bio",
           *           "usage_limit": 100,
           *           "usage_count": 12,
           *           "expires_at": "2026-12-31T23:59:59.999Z",
           *           "is_active": true,
           *           "campaign_id": null,
           *           "created_at": "2025-01-15T10:00:00.000Z",
           *           "updated_at": "2025-06-01T08:30:00.000Z",
           *           "actual_usage_count": 12,
           *           "eligible_referrals": 9,
           *           "total_commission_earned": "29.97"
           *         }
           *       ]
           *     }
           */
          "application/json": {
            data: {
              actual_usage_count: number;
              campaign_id: number | null;
              code: string;
              code_name: string | null;
              /** Format: date-time */
              created_at: string;
              eligible_referrals: number;
              expires_at: string | null;
              id: number;
              is_active: boolean;
              total_commission_earned: string;
              /** Format: date-time */
              updated_at: string;
              usage_count: number;
              usage_limit: number | null;
            }[];
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A client may act only for their own id (403 for any other id, existing or not). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Client not found (admins and API keys). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  createReferralCode: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "custom_code": "MAYA-SUMMER",
         *       "code_name": "Summer campaign",
         *       "usage_limit": 50
         *     }
         */
        "application/json": {
          campaign_id?: number | null;
          code_name?: string | null;
          custom_code?: string | null;
          expires_at?: string | null;
          usage_limit?: number | null;
        };
      };
    };
    responses: {
      /** @description Created (`message: Referral code created successfully`). */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "id": 7,
           *         "code": "MAYA-SUMMER",
           *         "code_name": "Summer campaign",
           *         "usage_limit": 50,
           *         "usage_count": 12,
           *         "expires_at": "2026-12-31T23:59:59.999Z",
           *         "is_active": true,
           *         "campaign_id": null,
           *         "created_at": "2025-01-15T10:00:00.000Z",
           *         "updated_at": "2025-06-01T08:30:00.000Z"
           *       }
           *     }
           */
          "application/json": {
            data: {
              campaign_id: number | null;
              code: string;
              code_name: string | null;
              /** Format: date-time */
              created_at: string;
              expires_at: string | null;
              id: number;
              is_active: boolean;
              /** Format: date-time */
              updated_at: string;
              usage_count: number;
              usage_limit: number | null;
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A client may act only for their own id (403 for any other id, existing or not). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Client not found. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  updateReferralCode: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        codeId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "is_active": false
         *     }
         */
        "application/json": {
          code_name?: string | null;
          expires_at?: string | null;
          is_active?: boolean;
          usage_limit?: number | null;
        };
      };
    };
    responses: {
      /** @description The code as it is now. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "id": 7,
           *         "code": "MAYA2025",
           *         "code_name": "Instagram bio",
           *         "usage_limit": 100,
           *         "usage_count": 12,
           *         "expires_at": "2026-12-31T23:59:59.999Z",
           *         "is_active": true,
           *         "campaign_id": null,
           *         "created_at": "2025-01-15T10:00:00.000Z",
           *         "updated_at": "2025-06-01T08:30:00.000Z"
           *       }
           *     }
           */
          "application/json": {
            data: {
              campaign_id: number | null;
              code: string;
              code_name: string | null;
              /** Format: date-time */
              created_at: string;
              expires_at: string | null;
              id: number;
              is_active: boolean;
              /** Format: date-time */
              updated_at: string;
              usage_count: number;
              usage_limit: number | null;
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A client may act only for their own id (403 for any other id, existing or not). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such code for this client. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  downloadReferralCodeQr: {
    parameters: {
      query?: {
        format?: "png" | "svg";
      };
      header?: never;
      path: {
        codeId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The image as an attachment (`image/png` or `image/svg+xml`). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "image/png": string;
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A client may act only for their own id (403 for any other id, existing or not). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such code for this client. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  suggestReferralCodes: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Suggestions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "suggestions": [
           *         "MAYA26",
           *         "MAYAREF",
           *         "MAYA-VIP",
           *         "MAYAJ",
           *         "MAYA2027"
           *       ]
           *     }
           */
          "application/json": {
            /** @constant */
            success: true;
            suggestions: string[];
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A client may act only for their own id (403 for any other id, existing or not). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Client not found or not active. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  issueEmbedToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "user_id": 42,
         *       "ttl_seconds": 1800
         *     }
         */
        "application/json": {
          email?: string;
          /** @default 1800 */
          ttl_seconds?: number;
          user_id?: number;
        };
      };
    };
    responses: {
      /** @description The token, shown this once, and the panel's path. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "id": 7,
           *         "user_id": 42,
           *         "token": "emt_0Yb3m1yq2nQbS3kQ0bq4d9mX8kY2rT6sV1wZ5uA7cE9",
           *         "url": "/embed/referrals?token=emt_0Yb3m1yq2nQbS3kQ0bq4d9mX8kY2rT6sV1wZ5uA7cE9",
           *         "expires_at": "2026-12-01T10:00:00.000Z"
           *       }
           *     }
           */
          "application/json": {
            data: {
              /** Format: date-time */
              expires_at: string;
              id: number;
              /** Format: starts_with */
              token: string;
              /** Format: starts_with */
              url: string;
              user_id: number;
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A session instead of an API key. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No active client with that id or e-mail. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  revokeClientEmbedTokens: {
    parameters: {
      query: {
        user_id: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description How many tokens were revoked. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "user_id": 42,
           *         "revoked": 2
           *       }
           *     }
           */
          "application/json": {
            data: {
              revoked: number;
              user_id: number;
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A session instead of an API key. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  revokeEmbedToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "id": 7,
           *         "revoked": true
           *       }
           *     }
           */
          "application/json": {
            data: {
              id: number;
              /** @constant */
              revoked: true;
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A session instead of an API key. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No live embed token with that id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Alive. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "status": "alive",
           *         "draining": false,
           *         "uptimeSeconds": 3600
           *       }
           *     }
           */
          "application/json": {
            data: {
              draining: boolean;
              /** @constant */
              status: "alive";
              uptimeSeconds: number;
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getLeaderboard: {
    parameters: {
      query?: {
        limit?: number;
        period?: "30d" | "all";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The board. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "period": "30d",
           *         "since": "2025-05-03T00:00:00.000Z",
           *         "entries": [
           *           {
           *             "rank": 1,
           *             "name": "Maya",
           *             "masked": false,
           *             "badge": "silver",
           *             "referrals": 14,
           *             "reached_at": "2025-05-30T10:00:00.000Z",
           *             "is_you": true
           *           }
           *         ],
           *         "you": null
           *       }
           *     }
           */
          "application/json": {
            data: {
              entries: {
                badge: ("bronze" | "silver" | "gold") | null;
                is_you: boolean;
                masked: boolean;
                name: string;
                rank: number;
                /** Format: date-time */
                reached_at: string;
                referrals: number;
              }[];
              /** @enum {string} */
              period: "30d" | "all";
              since: string | null;
              you: {
                badge: ("bronze" | "silver" | "gold") | null;
                is_you: boolean;
                masked: boolean;
                name: string;
                rank: number;
                /** Format: date-time */
                reached_at: string;
                referrals: number;
              } | null;
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The caller. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "type": "user",
           *         "user_id": 2,
           *         "email": "maya@example.com",
           *         "name": "Maya",
           *         "role": "client"
           *       }
           *     }
           */
          "application/json": {
            data:
              | {
                  api_key_id: number;
                  name: string;
                  /** @constant */
                  type: "api_key";
                }
              | {
                  email: string;
                  name: string;
                  /** @enum {string} */
                  role: "admin" | "client";
                  /** @constant */
                  type: "user";
                  user_id: number;
                };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listMyReferrals: {
    parameters: {
      query?: {
        page?: number;
        per_page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of referrals and the totals over all of them. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "totals": {
           *           "referrals": 1,
           *           "qualified": 1,
           *           "in_review": 0,
           *           "rejected": 0,
           *           "points_earned": 100,
           *           "points_pending": 0,
           *           "commission_earned": "3.00",
           *           "commission_earned_cents": 300,
           *           "commission_by_currency": [
           *             {
           *               "currency": "usd",
           *               "amount": "3.00",
           *               "amount_cents": 300
           *             },
           *             {
           *               "currency": "eur",
           *               "amount": "3.99",
           *               "amount_cents": 399
           *             }
           *           ]
           *         },
           *         "referrals": [
           *           {
           *             "id": 5,
           *             "name": "Sarah Johnson",
           *             "email": "s***@example.org",
           *             "referred_at": "2025-05-02T09:00:00.000Z",
           *             "code_used": "MAYA2025",
           *             "status": "qualified",
           *             "subscription_status": "active",
           *             "points_earned": 100,
           *             "points_pending": 0,
           *             "commission_earned": "3.00",
           *             "commission_earned_cents": 300,
           *             "commission_by_currency": [
           *               {
           *                 "currency": "usd",
           *                 "amount": "3.00",
           *                 "amount_cents": 300
           *               }
           *             ]
           *           }
           *         ],
           *         "page": 1,
           *         "per_page": 25,
           *         "total_pages": 1
           *       }
           *     }
           */
          "application/json": {
            data: {
              page: number;
              per_page: number;
              referrals: {
                code_used: string;
                commission_by_currency: {
                  amount: string;
                  amount_cents: number;
                  currency: string;
                }[];
                commission_earned: string;
                commission_earned_cents: number;
                email: string;
                id: number;
                name: string;
                points_earned: number;
                points_pending: number;
                /** Format: date-time */
                referred_at: string;
                status: string;
                subscription_status: ("trial" | "active" | "past_due" | "canceled") | null;
              }[];
              total_pages: number;
              totals: {
                commission_by_currency: {
                  amount: string;
                  amount_cents: number;
                  currency: string;
                }[];
                commission_earned: string;
                commission_earned_cents: number;
                in_review: number;
                points_earned: number;
                points_pending: number;
                qualified: number;
                referrals: number;
                rejected: number;
              };
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Signed in, but not allowed to do this (`code: forbidden`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getMetrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Prometheus text exposition format. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "text/plain": string;
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Signed in, but not allowed to do this (`code: forbidden`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getOpenApiDocument: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The document. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "openapi": "3.1.0",
           *       "info": {
           *         "title": "MuseNest Referrals API",
           *         "version": "1.0.0"
           *       },
           *       "paths": {}
           *     }
           */
          "application/json": {
            openapi: string;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  recordPayment: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "external_id": "inv_2025_0001",
         *       "user_id": 42,
         *       "amount_cents": 2999,
         *       "occurred_at": "2025-06-01T12:00:00Z"
         *     }
         */
        "application/json": {
          amount_cents: number;
          /** @default usd */
          currency?: string;
          email?: string;
          external_id: string;
          /** Format: date-time */
          occurred_at?: string;
          refund_of?: string;
          /**
           * @default payment
           * @enum {string}
           */
          type?: "payment" | "refund" | "chargeback";
          user_id?: number;
        };
      };
    };
    responses: {
      /** @description Already recorded (`message: Payment already recorded`). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "payment_id": 301,
           *         "external_id": "inv_2025_0001",
           *         "type": "payment",
           *         "amount_cents": 2999,
           *         "currency": "usd",
           *         "occurred_at": "2025-06-01T12:00:00.000Z",
           *         "commissions": [
           *           {
           *             "id": 88,
           *             "beneficiary_user_id": 2,
           *             "level": "direct",
           *             "kind": "earning",
           *             "amount_cents": 300,
           *             "status": "pending",
           *             "hold_until": "2025-07-01T12:00:00.000Z"
           *           }
           *         ]
           *       }
           *     }
           */
          "application/json": {
            data: {
              amount_cents: number;
              commissions: {
                amount_cents: number;
                beneficiary_user_id: number;
                /** Format: date-time */
                hold_until: string;
                id: number;
                /** @enum {string} */
                kind: "earning" | "reversal";
                /** @enum {string} */
                level: "direct" | "partner" | "bonus" | "retention";
                /** @enum {string} */
                status: "pending" | "approved" | "paid" | "reversed" | "rejected";
              }[];
              currency: string;
              external_id: string;
              /** Format: date-time */
              occurred_at: string;
              payment_id: number;
              /** @enum {string} */
              type: "payment" | "refund" | "chargeback";
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Recorded (`message: Payment recorded`). */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "payment_id": 301,
           *         "external_id": "inv_2025_0001",
           *         "type": "payment",
           *         "amount_cents": 2999,
           *         "currency": "usd",
           *         "occurred_at": "2025-06-01T12:00:00.000Z",
           *         "commissions": [
           *           {
           *             "id": 88,
           *             "beneficiary_user_id": 2,
           *             "level": "direct",
           *             "kind": "earning",
           *             "amount_cents": 300,
           *             "status": "pending",
           *             "hold_until": "2025-07-01T12:00:00.000Z"
           *           }
           *         ]
           *       }
           *     }
           */
          "application/json": {
            data: {
              amount_cents: number;
              commissions: {
                amount_cents: number;
                beneficiary_user_id: number;
                /** Format: date-time */
                hold_until: string;
                id: number;
                /** @enum {string} */
                kind: "earning" | "reversal";
                /** @enum {string} */
                level: "direct" | "partner" | "bonus" | "retention";
                /** @enum {string} */
                status: "pending" | "approved" | "paid" | "reversed" | "rejected";
              }[];
              currency: string;
              external_id: string;
              /** Format: date-time */
              occurred_at: string;
              payment_id: number;
              /** @enum {string} */
              type: "payment" | "refund" | "chargeback";
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Signed in, but not allowed to do this (`code: forbidden`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The paying client (or the payment refunded) is not known. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflicts with a recorded payment. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getReady: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ready. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "status": "ready",
           *         "database": "postgres"
           *       }
           *     }
           */
          "application/json": {
            data: {
              database: string;
              /** @constant */
              status: "ready";
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not ready yet, or draining after SIGTERM (`Retry-After`). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  validateReferralCode: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description `valid: true` with the code, or `valid: false` with why not. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "valid": true,
           *       "data": {
           *         "code": "MAYA2025",
           *         "referrer_name": "Maya"
           *       }
           *     }
           */
          "application/json":
            | {
                data: {
                  code: string;
                  code_name?: string | null;
                  expires_at?: string | null;
                  referrer_email?: string;
                  referrer_name: string;
                  usage_count?: number;
                  usage_limit?: number | null;
                };
                /** @constant */
                valid: true;
              }
            | {
                error: string;
                /** @constant */
                valid: false;
              };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many attempts from this address; `Retry-After` says when to try again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RawError"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getRewards: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The overview. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "balance_points": 250,
           *         "pending_points": 100,
           *         "debt_points": 0,
           *         "debts": [],
           *         "expiring_soon": null,
           *         "catalog": [
           *           {
           *             "id": 1,
           *             "name": "10% off next month",
           *             "description": null,
           *             "cost_points": 200,
           *             "reward_type": "discount_percent",
           *             "reward_value": 10,
           *             "affordable": true,
           *             "points_missing": 0
           *           }
           *         ],
           *         "redemptions": [],
           *         "history_total": 0,
           *         "history": []
           *       }
           *     }
           */
          "application/json": {
            data: {
              balance_points: number;
              catalog: ({
                affordable: boolean;
                cost_points: number;
                id: number;
                name: string;
                points_missing: number;
              } & {
                [key: string]: unknown;
              })[];
              debt_points: number;
              history: ({
                /** Format: date-time */
                created_at: string;
                id: number;
                points: number;
                reason: string;
              } & {
                [key: string]: unknown;
              })[];
              history_total: number;
              pending_points: number;
              redemptions: ({
                cost_points: number;
                coupon_code: string;
                id: number;
                reward: string;
              } & {
                [key: string]: unknown;
              })[];
            } & {
              [key: string]: unknown;
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Signed in, but not allowed to do this (`code: forbidden`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  redeemReward: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "catalog_item_id": "1"
         *     }
         */
        "application/json": {
          catalog_item_id: string;
        };
      };
    };
    responses: {
      /** @description Redeemed (`message: Reward redeemed`): the coupon code. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "redemption_id": 9,
           *         "reward": "10% off next month",
           *         "coupon_code": "MN-7Q2K-9XPA",
           *         "cost_points": 200,
           *         "balance_points": 50,
           *         "created_at": "2025-06-01T12:00:00.000Z"
           *       }
           *     }
           */
          "application/json": {
            data: {
              balance_points: number;
              cost_points: number;
              coupon_code: string;
              /** Format: date-time */
              created_at: string;
              redemption_id: number;
              reward: string;
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Signed in, but not allowed to do this (`code: forbidden`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The reward is not offered. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not enough points (the message says how many are missing). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  retryWebhookDelivery: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Queued again. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "id": 41,
           *         "status": "pending"
           *       }
           *     }
           */
          "application/json": {
            data: {
              id: number;
              /** @constant */
              status: "pending";
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Signed in, but not allowed to do this (`code: forbidden`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such delivery, or its endpoint is disabled. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listWebhookEndpoints: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The endpoints. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": [
           *         {
           *           "id": 3,
           *           "url": "https://hooks.example.com/musenest",
           *           "description": "Finance sync",
           *           "events": [
           *             "commission.created",
           *             "payout.paid"
           *           ],
           *           "enabled": true,
           *           "disabled_at": null,
           *           "disabled_reason": null,
           *           "failing_since": null,
           *           "created_at": "2026-12-01T09:30:00.000Z",
           *           "updated_at": "2026-12-01T09:30:00.000Z"
           *         }
           *       ]
           *     }
           */
          "application/json": {
            data: {
              /** Format: date-time */
              created_at: string;
              description: string | null;
              disabled_at: string | null;
              disabled_reason: string | null;
              enabled: boolean;
              events: (
                | "client.created"
                | "referral.created"
                | "referral.flagged"
                | "referral.approved"
                | "referral.rejected"
                | "commission.created"
                | "commission.approved"
                | "commission.paid"
                | "commission.reversed"
                | "payout.paid"
                | "reward.redeemed"
                | "badge.earned"
                | "tier.reached"
                | "payout_batch.created"
              )[];
              failing_since: string | null;
              id: number;
              /** Format: date-time */
              updated_at: string;
              url: string;
            }[];
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Signed in, but not allowed to do this (`code: forbidden`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  createWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "url": "https://hooks.example.com/musenest",
         *       "events": [
         *         "commission.created",
         *         "payout.paid"
         *       ],
         *       "description": "Finance sync"
         *     }
         */
        "application/json": {
          /** @default  */
          description?: string;
          events: (
            | "client.created"
            | "referral.created"
            | "referral.flagged"
            | "referral.approved"
            | "referral.rejected"
            | "commission.created"
            | "commission.approved"
            | "commission.paid"
            | "commission.reversed"
            | "payout.paid"
            | "reward.redeemed"
            | "badge.earned"
            | "tier.reached"
            | "payout_batch.created"
          )[];
          url: string;
        };
      };
    };
    responses: {
      /** @description The endpoint and its `whsec_…` secret. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "id": 3,
           *         "url": "https://hooks.example.com/musenest",
           *         "description": "Finance sync",
           *         "events": [
           *           "commission.created",
           *           "payout.paid"
           *         ],
           *         "enabled": true,
           *         "disabled_at": null,
           *         "disabled_reason": null,
           *         "failing_since": null,
           *         "created_at": "2026-12-01T09:30:00.000Z",
           *         "updated_at": "2026-12-01T09:30:00.000Z",
           *         "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
           *       }
           *     }
           */
          "application/json": {
            data: {
              /** Format: date-time */
              created_at: string;
              description: string | null;
              disabled_at: string | null;
              disabled_reason: string | null;
              enabled: boolean;
              events: (
                | "client.created"
                | "referral.created"
                | "referral.flagged"
                | "referral.approved"
                | "referral.rejected"
                | "commission.created"
                | "commission.approved"
                | "commission.paid"
                | "commission.reversed"
                | "payout.paid"
                | "reward.redeemed"
                | "badge.earned"
                | "tier.reached"
                | "payout_batch.created"
              )[];
              failing_since: string | null;
              id: number;
              /** Format: starts_with */
              secret: string;
              /** Format: date-time */
              updated_at: string;
              url: string;
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Signed in, but not allowed to do this (`code: forbidden`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  deleteWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "id": 3,
           *         "deleted": true
           *       }
           *     }
           */
          "application/json": {
            data: {
              /** @constant */
              deleted: true;
              id: number;
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Signed in, but not allowed to do this (`code: forbidden`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such webhook endpoint. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  updateWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "events": [
         *         "commission.created"
         *       ],
         *       "enabled": true
         *     }
         */
        "application/json": {
          description?: string;
          enabled?: boolean;
          events?: (
            | "client.created"
            | "referral.created"
            | "referral.flagged"
            | "referral.approved"
            | "referral.rejected"
            | "commission.created"
            | "commission.approved"
            | "commission.paid"
            | "commission.reversed"
            | "payout.paid"
            | "reward.redeemed"
            | "badge.earned"
            | "tier.reached"
            | "payout_batch.created"
          )[];
          url?: string;
        };
      };
    };
    responses: {
      /** @description The endpoint as it is now. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "id": 3,
           *         "url": "https://hooks.example.com/musenest",
           *         "description": "Finance sync",
           *         "events": [
           *           "commission.created",
           *           "payout.paid"
           *         ],
           *         "enabled": true,
           *         "disabled_at": null,
           *         "disabled_reason": null,
           *         "failing_since": null,
           *         "created_at": "2026-12-01T09:30:00.000Z",
           *         "updated_at": "2026-12-01T09:30:00.000Z"
           *       }
           *     }
           */
          "application/json": {
            data: {
              /** Format: date-time */
              created_at: string;
              description: string | null;
              disabled_at: string | null;
              disabled_reason: string | null;
              enabled: boolean;
              events: (
                | "client.created"
                | "referral.created"
                | "referral.flagged"
                | "referral.approved"
                | "referral.rejected"
                | "commission.created"
                | "commission.approved"
                | "commission.paid"
                | "commission.reversed"
                | "payout.paid"
                | "reward.redeemed"
                | "badge.earned"
                | "tier.reached"
                | "payout_batch.created"
              )[];
              failing_since: string | null;
              id: number;
              /** Format: date-time */
              updated_at: string;
              url: string;
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Signed in, but not allowed to do this (`code: forbidden`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such webhook endpoint. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listWebhookDeliveries: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Event, attempts, status code, latency and an excerpt of the response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": [
           *         {
           *           "id": 41,
           *           "event_id": "evt_3oW1cXnK8hQ2pR5s",
           *           "event_type": "commission.created",
           *           "status": "succeeded",
           *           "attempts": 1,
           *           "status_code": 200,
           *           "latency_ms": 84,
           *           "response_excerpt": "ok",
           *           "error": null,
           *           "last_attempt_at": "2026-12-01T09:31:02.000Z",
           *           "next_attempt_at": null,
           *           "created_at": "2026-12-01T09:31:00.000Z"
           *         }
           *       ]
           *     }
           */
          "application/json": {
            data: {
              attempts: number;
              /** Format: date-time */
              created_at: string;
              error: string | null;
              event_id: string;
              event_type: string;
              id: number;
              last_attempt_at: string | null;
              latency_ms: number | null;
              next_attempt_at: string | null;
              response_excerpt: string | null;
              status: string;
              status_code: number | null;
            }[];
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Signed in, but not allowed to do this (`code: forbidden`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such webhook endpoint. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  rotateWebhookSecret: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The new secret. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "id": 3,
           *         "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
           *       }
           *     }
           */
          "application/json": {
            data: {
              id: number;
              /** Format: starts_with */
              secret: string;
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Signed in, but not allowed to do this (`code: forbidden`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such webhook endpoint. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  sendWebhookTest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description What the endpoint answered. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "event_id": "evt_3oW1cXnK8hQ2pR5s",
           *         "delivery_id": 41,
           *         "outcome": "succeeded",
           *         "status_code": 200,
           *         "error": null,
           *         "next_attempt_at": null
           *       }
           *     }
           */
          "application/json": {
            data: {
              delivery_id: number;
              error: string | null;
              event_id: string;
              next_attempt_at: string | null;
              outcome: string;
              status_code: number | null;
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Invalid request: a field failed validation (`details` names each one) or a domain rule refused it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No valid session or API key (`code: unauthorized`). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Signed in, but not allowed to do this (`code: forbidden`). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such webhook endpoint. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The database did not answer in time (`code: database_timeout`); `Retry-After: 5`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  receiveStripeWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Received. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "success": true,
           *       "data": {
           *         "received": true,
           *         "event_id": "evt_1QXYZ",
           *         "type": "invoice.paid",
           *         "outcome": "recorded",
           *         "detail": null,
           *         "payment_id": 301
           *       }
           *     }
           */
          "application/json": {
            data: {
              detail: string | null;
              event_id: string;
              outcome: string;
              payment_id: number | null;
              /** @constant */
              received: true;
              type: string;
            };
            message?: string;
            /** @constant */
            success: true;
          };
        };
      };
      /** @description Bad signature or malformed event. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Unexpected error; the detail stays in the server log (`code: internal_error`). */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Stripe webhooks are not configured on this server (`STRIPE_WEBHOOK_SECRET`). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
}
