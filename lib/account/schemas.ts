/**
 * The account page's form schemas, shared by the forms (zodResolver) and the server actions.
 * Built from lib/auth's pieces so password and email rules are the same as at sign-up.
 */
import { z } from "zod";
import { currentPasswordSchema, newEmailSchema, newPasswordSchema } from "@/lib/auth/schemas";
import { fullNameSchema } from "./full-name";

export const changePasswordSchema = z
  .object({
    currentPassword: currentPasswordSchema,
    password: newPasswordSchema,
    confirmPassword: z.string({ message: "Confirm your new password." }),
  })
  .refine((values) => values.password === values.confirmPassword, {
    message: "The passwords do not match.",
    path: ["confirmPassword"],
  })
  .refine((values) => values.password !== values.currentPassword, {
    message: "That is your current password. Choose a new one.",
    path: ["password"],
  });

export const changeEmailSchema = z.object({ email: newEmailSchema });
export const changeNameSchema = z.object({ fullName: fullNameSchema });

/** The word typed to confirm deletion, on top of the password (guards against a stray click). */
export const DELETE_CONFIRMATION_WORD = "DELETE";

export const deleteAccountSchema = z.object({
  password: currentPasswordSchema,
  confirmation: z
    .string({ message: `Type ${DELETE_CONFIRMATION_WORD} to confirm.` })
    .trim()
    .refine((value) => value === DELETE_CONFIRMATION_WORD, { message: `Type ${DELETE_CONFIRMATION_WORD} to confirm.` }),
});

export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
export type ChangeEmailInput = z.input<typeof changeEmailSchema>;
export type ChangeNameInput = z.input<typeof changeNameSchema>;
export type DeleteAccountInput = z.input<typeof deleteAccountSchema>;
