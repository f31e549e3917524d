"use client";

import { Controller, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { TagInput } from "@/components/ui/tag-input";
import { LIMITS, WORK_ARRANGEMENT_LABELS, WORK_ARRANGEMENTS } from "@/lib/profiles/fields";
import type { preferencesSchema } from "@/lib/profiles/schema";
import { asList } from "./skills-fields";

export type PreferencesInput = z.input<typeof preferencesSchema>;
export type PreferencesOutput = z.output<typeof preferencesSchema>;

export function PreferencesFields({ form }: { form: UseFormReturn<PreferencesInput, unknown, PreferencesOutput> }) {
  const { errors } = form.formState;
  return (
    <div className="grid gap-5">
      <Field label="Work arrangement" error={errors.work_arrangement_preference?.message}>
        {(control) => (
          <Select {...control} {...form.register("work_arrangement_preference")}>
            <option value="">Choose an arrangement…</option>
            {WORK_ARRANGEMENTS.map((value) => (
              <option key={value} value={value}>
                {WORK_ARRANGEMENT_LABELS[value]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Controller
        control={form.control}
        name="preferred_locations"
        render={({ field, fieldState }) => (
          <Field
            label="Preferred locations"
            error={fieldState.error?.message}
            hint="Cities, regions or countries. Press Enter or comma to add each. Up to 20."
          >
            {(control) => (
              <TagInput
                {...control}
                name="preferred_locations[]"
                value={asList(field.value)}
                onChange={field.onChange}
                onBlur={field.onBlur}
                inputRef={field.ref}
                maxItems={LIMITS.locations.maxItems}
                maxLength={LIMITS.locations.maxLength}
                noun="location"
                placeholder="e.g. Berlin"
              />
            )}
          </Field>
        )}
      />
    </div>
  );
}
