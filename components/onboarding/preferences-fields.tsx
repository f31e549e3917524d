"use client";

import type * as z from "zod/mini";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { ActionFormApi } from "@/lib/actions/use-action-form";
import { LIMITS, WORK_ARRANGEMENT_LABELS, WORK_ARRANGEMENTS } from "@/lib/profiles/fields";
import type { preferencesSchema } from "@/lib/profiles/schema";
import { TagField } from "./tag-field";

export type PreferencesInput = z.input<typeof preferencesSchema>;

export function PreferencesFields({ api }: { api: ActionFormApi<PreferencesInput> }) {
  return (
    <div className="grid gap-5">
      <Field label="Work arrangement" error={api.errorFor("work_arrangement_preference")}>
        {(control) => (
          <Select {...control} {...api.field("work_arrangement_preference")}>
            <option value="">Choose an arrangement…</option>
            {WORK_ARRANGEMENTS.map((value) => (
              <option key={value} value={value}>
                {WORK_ARRANGEMENT_LABELS[value]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <TagField
        api={api}
        name="preferred_locations"
        label="Preferred locations"
        hint={`Cities, regions or countries. Press Enter or comma to add each. Up to ${LIMITS.locations.maxItems}.`}
        limits={LIMITS.locations}
        noun="location"
        placeholder="e.g. Berlin"
      />
    </div>
  );
}
