"use client";

import type { UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { CharacterCount } from "@/components/ui/character-count";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { EDUCATION_LEVEL_LABELS, EDUCATION_LEVELS, LIMITS } from "@/lib/profiles/fields";
import type { educationSchema } from "@/lib/profiles/schema";

export type EducationInput = z.input<typeof educationSchema>;
export type EducationOutput = z.output<typeof educationSchema>;

export function EducationFields({ form }: { form: UseFormReturn<EducationInput, unknown, EducationOutput> }) {
  const { errors } = form.formState;
  return (
    <div className="grid gap-5">
      <Field
        label="Education level"
        error={errors.education_level?.message}
        hint="The highest level you have completed."
      >
        {(control) => (
          <Select {...control} {...form.register("education_level")}>
            <option value="">Choose a level…</option>
            {EDUCATION_LEVELS.map((level) => (
              <option key={level} value={level}>
                {EDUCATION_LEVEL_LABELS[level]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        label="Field of study"
        error={errors.field_of_study?.message}
        hint={
          <span className="flex justify-between gap-3">
            <span>Optional — for example “Computer science”.</span>
            <CharacterCount value={form.watch("field_of_study") ?? ""} max={LIMITS.fieldOfStudy.maxLength} />
          </span>
        }
      >
        {(control) => <Input {...control} {...form.register("field_of_study")} autoComplete="off" />}
      </Field>
    </div>
  );
}
