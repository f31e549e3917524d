/**
 * The person's full name: asked at sign-up and editable on /account, stored in the Auth user's
 * `user_metadata.full_name` (as Supabase's own examples do), so it travels in the session's claims and
 * needs no table of its own. It is display data only: never used for authorization.
 */
import { z } from "zod";
import { withinCharacterLimit } from "@/lib/text/graphemes";

export const FULL_NAME_MAX = 100;

// Control characters and bidi overrides (which can make a name display as something else) are refused;
// runs of whitespace, tabs and newlines included, collapse to one space first.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export const fullNameSchema = z
  .string({ message: "Enter your name." })
  .transform((name) => name.trim().replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(1, "Enter your name.")
      .refine(
        (name) => withinCharacterLimit(name, FULL_NAME_MAX),
        `Your name can be at most ${FULL_NAME_MAX} characters.`,
      )
      .refine((name) => !CONTROL.test(name), "Your name cannot contain control characters."),
  );

/** `user_metadata.full_name` when it is a usable string, else null (old accounts have none). */
export function fullNameOf(metadata: unknown): string | null {
  if (!metadata || typeof metadata !== "object" || !("full_name" in metadata)) return null;
  const name = (metadata as { full_name: unknown }).full_name;
  return typeof name === "string" && name.trim() ? name.trim() : null;
}
