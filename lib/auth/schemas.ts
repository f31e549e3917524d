/**
 * The auth forms' zod schemas, imported by the react-hook-form forms (zodResolver) and by the server
 * actions, so both sides validate alike. Small pieces (email, new password) compose into form schemas.
 */
import { z } from "zod";
import { fullNameSchema } from "@/lib/account/full-name";
import { passwordProblem } from "./password-policy";

/** RFC 5321 §4.5.3.1.1: the part before the "@" is at most 64 octets. */
export const EMAIL_LOCAL_PART_MAX = 64;

export const emailSchema = z
  .string({ message: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(255, "That email address is too long.")
  .pipe(z.email({ message: "Enter a valid email address, like name@example.com." }))
  .transform((email) => email.toLowerCase());

/**
 * An address being registered (sign-up, email change): also within RFC 5321's local-part limit. Sign-in
 * keeps the plain rule, so an account created before the limit can still sign in.
 */
export const newEmailSchema = emailSchema.refine(
  (email) => new TextEncoder().encode(email.slice(0, email.lastIndexOf("@"))).length <= EMAIL_LOCAL_PART_MAX,
  `The part before the @ can be at most ${EMAIL_LOCAL_PART_MAX} characters.`,
);

/** A password being chosen: the full policy. */
export const newPasswordSchema = z.string({ message: "Enter a password." }).superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** A password being used to sign in: only presence (old accounts may predate the policy). */
export const currentPasswordSchema = z
  .string({ message: "Enter your password." })
  .min(1, "Enter your password.")
  .max(1024, "That password is too long.");

/** `next` travels as a hidden field; the action sanitises it, so here it is only bounded. */
const nextField = z.string().max(2048).optional();

export const signUpSchema = z.object({ fullName: fullNameSchema, email: newEmailSchema, password: newPasswordSchema });
export const signInSchema = z.object({ email: emailSchema, password: currentPasswordSchema, next: nextField });
export const emailOnlySchema = z.object({ email: emailSchema });
export const signInLinkSchema = z.object({ email: emailSchema, next: nextField });
/** The one-time code a sign-in mail carries (`otp_length`: 6 on the CLI's default, up to 10 on hosted). */
export const signInCodeSchema = z.object({
  code: z
    .string({ message: "Enter the code from the mail." })
    .transform((code) => code.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6,10}$/, "Enter the 6-digit code from the mail.")),
  next: nextField,
});

export const resetPasswordSchema = z
  .object({ password: newPasswordSchema, confirmPassword: z.string({ message: "Confirm your new password." }) })
  .refine((values) => values.password === values.confirmPassword, {
    message: "The passwords do not match.",
    path: ["confirmPassword"],
  });

export type SignUpInput = z.input<typeof signUpSchema>;
export type SignInInput = z.input<typeof signInSchema>;
export type EmailOnlyInput = z.input<typeof emailOnlySchema>;
export type SignInCodeInput = z.input<typeof signInCodeSchema>;
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;
