"use client";

import type * as z from "zod/mini";
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
        hint={`Optional, up to ${LIMITS.fieldOfStudy.maxLength} characters — for example “Computer science”.`}
      >
        {(control) => (
          <Input
            {...control}
            {...api.field("field_of_study")}
            maxLength={LIMITS.fieldOfStudy.maxLength}
            autoComplete="off"
          />
        )}
      </Field>
    </div>
  );
}
