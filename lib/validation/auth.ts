import { z } from "zod";

export const emailSchema = z
  .string({ error: "E-mail is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid e-mail address" }).max(254, { error: "E-mail is too long" }));

export const credentialsSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { error: "Password is required" }).max(200),
});

export const newPasswordSchema = z
  .string()
  .min(8, { error: "Use at least 8 characters" })
  .max(200, { error: "Use at most 200 characters" });
