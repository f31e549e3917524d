"use client";

import type { UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { EXPERIENCE_LEVEL_LABELS, EXPERIENCE_LEVELS, LIMITS } from "@/lib/profiles/fields";
import type { experienceSchema } from "@/lib/profiles/schema";

export type ExperienceInput = z.input<typeof experienceSchema>;
export type ExperienceOutput = z.output<typeof experienceSchema>;

export function ExperienceFields({ form }: { form: UseFormReturn<ExperienceInput, unknown, ExperienceOutput> }) {
  const { errors } = form.formState;
  const { min, max } = LIMITS.yearsOfExperience;
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field
        label="Years of experience"
        error={errors.years_of_experience?.message}
        hint={`A whole number from ${min} to ${max}.`}
      >
        {(control) => (
          <Input
            {...control}
            {...form.register("years_of_experience")}
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            step={1}
          />
        )}
      </Field>
      <Field label="Experience level" error={errors.experience_level?.message}>
        {(control) => (
          <Select {...control} {...form.register("experience_level")}>
            <option value="">Choose a level…</option>
            {EXPERIENCE_LEVELS.map((level) => (
              <option key={level} value={level}>
                {EXPERIENCE_LEVEL_LABELS[level]}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </div>
  );
}
