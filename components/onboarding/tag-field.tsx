"use client";

/** A labelled TagInput bound to a list field of the step's form (skills, locations). */
import { Controller, type FieldValues, type Path } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { TagInput } from "@/components/ui/tag-input";
import type { ActionFormApi } from "@/lib/actions/use-action-form";

/** Form values may hold a list, one string or nothing; the tag input always works with a list. */
function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return typeof value === "string" && value ? [value] : [];
}

interface TagFieldProps<In extends FieldValues> {
  api: ActionFormApi<In>;
  name: Path<In>;
  label: string;
  hint: string;
  limits: { maxItems: number; maxLength: number };
  noun: string;
  placeholder: string;
}

export function TagField<In extends FieldValues>({
  api,
  name,
  label,
  hint,
  limits,
  noun,
  placeholder,
}: TagFieldProps<In>) {
  return (
    <Controller
      control={api.form.control}
      name={name}
      render={({ field, fieldState }) => (
        <Field label={label} error={fieldState.error?.message} hint={hint}>
          {(control) => (
            <TagInput
              {...control}
              name={`${name}[]`}
              value={asList(field.value)}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              maxItems={limits.maxItems}
              maxLength={limits.maxLength}
              noun={noun}
              placeholder={placeholder}
            />
          )}
        </Field>
      )}
    />
  );
}
