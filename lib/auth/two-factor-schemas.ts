/**
 * The two-factor forms' zod schemas (code page, turning two-factor on and off), shared by the forms
 * and their server actions. A code is the six digits an authenticator app shows; spaces are ignored.
 */
import { z } from "zod";

export const CODE_MESSAGE = "Enter the 6-digit code from your authenticator app.";

export const totpCodeSchema = z
  .string({ message: CODE_MESSAGE })
  .transform((code) => code.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, CODE_MESSAGE));

const factorId = z.uuid({ message: "Start again: this setup is no longer valid." });

export const secondFactorSchema = z.object({ code: totpCodeSchema, next: z.string().max(2048).optional() });
export const confirmFactorSchema = z.object({ factorId, code: totpCodeSchema });
export const turnOffFactorSchema = z.object({ factorId, code: totpCodeSchema });
/** Buttons that post no fields (start setup, sign out other devices). */
export const noFieldsSchema = z.object({});

export type SecondFactorInput = z.input<typeof secondFactorSchema>;
export type ConfirmFactorInput = z.input<typeof confirmFactorSchema>;
