"use client";

import type * as z from "zod/mini";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { ActionFormApi } from "@/lib/actions/use-action-form";
import { EXPERIENCE_LEVEL_LABELS, EXPERIENCE_LEVELS, LIMITS } from "@/lib/profiles/fields";
import type { experienceSchema } from "@/lib/profiles/schema";

export type ExperienceInput = z.input<typeof experienceSchema>;

export function ExperienceFields({ api }: { api: ActionFormApi<ExperienceInput> }) {
  const { min, max } = LIMITS.yearsOfExperience;
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field
        label="Years of experience"
        error={api.errorFor("years_of_experience")}
        hint={`A whole number from ${min} to ${max}.`}
      >
        {(control) => (
          <Input {...control} {...api.field("years_of_experience")} inputMode="numeric" autoComplete="off" />
        )}
      </Field>
      <Field label="Experience level" error={api.errorFor("experience_level")}>
        {(control) => (
          <Select {...control} {...api.field("experience_level")}>
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
