"use client";

import type * as z from "zod/mini";
import { CharacterCount } from "@/components/ui/character-count";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { ActionFormApi } from "@/lib/actions/use-action-form";
import { EDUCATION_LEVEL_LABELS, EDUCATION_LEVELS, LIMITS } from "@/lib/profiles/fields";
import type { educationSchema } from "@/lib/profiles/schema";

export type EducationInput = z.input<typeof educationSchema>;

export function EducationFields({ api }: { api: ActionFormApi<EducationInput> }) {
  return (
    <div className="grid gap-5">
      <Field
        label="Education level"
        error={api.errorFor("education_level")}
        hint="The highest level you have completed."
      >
        {(control) => (
          <Select {...control} {...api.field("education_level")}>
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
        error={api.errorFor("field_of_study")}
        hint={
          <span className="flex justify-between gap-3">
            <span>Optional — for example “Computer science”.</span>
            <CharacterCount
              value={String(api.form.watch("field_of_study") ?? "")}
              max={LIMITS.fieldOfStudy.maxLength}
            />
          </span>
        }
      >
        {(control) => <Input {...control} {...api.field("field_of_study")} autoComplete="off" />}
      </Field>
    </div>
  );
}
