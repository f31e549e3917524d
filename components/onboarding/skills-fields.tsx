"use client";

import { Controller, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { Field } from "@/components/ui/field";
import { TagInput } from "@/components/ui/tag-input";
import { LIMITS } from "@/lib/profiles/fields";
import type { skillsSchema } from "@/lib/profiles/schema";

export type SkillsInput = z.input<typeof skillsSchema>;
export type SkillsOutput = z.output<typeof skillsSchema>;

/** Form values may hold a list, one string or nothing; the tag input always works with a list. */
export function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return typeof value === "string" && value ? [value] : [];
}

export function SkillsFields({ form }: { form: UseFormReturn<SkillsInput, unknown, SkillsOutput> }) {
  return (
    <Controller
      control={form.control}
      name="skills_technologies"
      render={({ field, fieldState }) => (
        <Field
          label="Skills"
          error={fieldState.error?.message}
          hint="Type a skill and press Enter or comma to add it. Up to 50 skills."
        >
          {(control) => (
            <TagInput
              {...control}
              name="skills_technologies[]"
              value={asList(field.value)}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              maxItems={LIMITS.skills.maxItems}
              maxLength={LIMITS.skills.maxLength}
              noun="skill"
              placeholder="e.g. TypeScript"
            />
          )}
        </Field>
      )}
    />
  );
}
