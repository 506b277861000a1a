import { z } from "zod";
import { emailSchema, newPasswordSchema } from "./auth";

// One schema per resource, shared by the pages' forms, their actions and the API routes.

const tokenField = z
  .string({ error: "token is required" })
  .trim()
  .min(20, { error: "This link is not valid. Ask for a new one." })
  .max(200, { error: "This link is not valid. Ask for a new one." })
  .regex(/^[A-Za-z0-9_-]+$/, { error: "This link is not valid. Ask for a new one." });

/** POST /api/auth/password-reset and the /forgot-password form. */
export const passwordResetRequestSchema = z.object({ email: emailSchema });

/**
 * POST /api/auth/password-reset/confirm and the /reset-password form. The form repeats the password
 * (`confirmPassword`); the API need not.
 */
export const passwordResetConfirmSchema = z
  .object({
    token: tokenField,
    password: newPasswordSchema,
    confirmPassword: z.string().max(200).optional(),
  })
  .refine((v) => v.confirmPassword === undefined || v.confirmPassword === v.password, {
    path: ["confirmPassword"],
    error: "The two passwords don't match",
  });

const currentPasswordField = z
  .string({ error: "Enter your current password" })
  .min(1, { error: "Enter your current password" })
  .max(200, { error: "Password is too long" });

/** The account page's "change e-mail address" form. */
export const emailChangeRequestSchema = z.object({
  newEmail: emailSchema,
  currentPassword: currentPasswordField,
});

/** The confirmation page's button (the token from the link in a hidden field). */
export const emailChangeConfirmSchema = z.object({ token: tokenField });

/** "Sign out everywhere": the password, so an open session left behind cannot lock its owner out. */
export const signOutEverywhereSchema = z.object({ currentPassword: currentPasswordField });
