import { z } from "zod";
import { passwordResetConfirmSchema, passwordResetRequestSchema } from "@/lib/validation/account-recovery";
import { defineOperations } from "../operation";

export const accountOperations = defineOperations([
  {
    method: "post",
    path: "/api/auth/password-reset",
    operationId: "requestPasswordReset",
    tag: "Account",
    summary: "E-mail a single-use link to choose a new password",
    description:
      "Always 202 with the same body, whether or not the address has an account. The link works for 30 minutes. Throttled per address and per caller (429 with `Retry-After`).",
    access: "public",
    body: passwordResetRequestSchema,
    bodyExample: { email: "maya@example.com" },
    responses: {
      202: {
        description: "Accepted (the same answer for every address).",
        schema: z.object({ requested: z.literal(true) }),
        example: { requested: true },
      },
    },
    errors: { 429: "Too many requests for this address or from this caller." },
  },
  {
    method: "post",
    path: "/api/auth/password-reset/confirm",
    operationId: "confirmPasswordReset",
    tag: "Account",
    summary: "Set a new password with the e-mailed token; every session of the account ends",
    access: "public",
    body: passwordResetConfirmSchema,
    bodyExample: { token: "q3Vd0m8bZ1yK7xT5wR2nP4sL6cJ9hF0a", password: "a brand new passphrase 77" },
    responses: {
      200: {
        description: "The password is changed.",
        schema: z.object({ reset: z.literal(true) }),
        example: { reset: true },
      },
    },
    errors: {
      400: "`token_used`, `token_expired` or `token_invalid`, or a password the policy refuses (`weak_password`).",
    },
  },
]);
