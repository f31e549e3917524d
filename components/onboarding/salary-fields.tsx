"use client";

import type { UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { COMMON_CURRENCIES, CURRENCIES, currencyName } from "@/lib/profiles/currencies";
import type { salarySchema } from "@/lib/profiles/schema";

export type SalaryInput = z.input<typeof salarySchema>;
export type SalaryOutput = z.output<typeof salarySchema>;

export function SalaryFields({ form }: { form: UseFormReturn<SalaryInput, unknown, SalaryOutput> }) {
  const { errors } = form.formState;
  return (
    <div className="grid gap-5 sm:grid-cols-[1fr_1fr_1.2fr]">
      <Field label="Minimum salary" error={errors.salary_min?.message} hint="Per year, whole units.">
        {(control) => (
          <Input {...control} {...form.register("salary_min")} type="number" inputMode="numeric" min={0} step={1} />
        )}
      </Field>
      <Field label="Maximum salary" error={errors.salary_max?.message} hint="Leave empty for open-ended.">
        {(control) => (
          <Input {...control} {...form.register("salary_max")} type="number" inputMode="numeric" min={0} step={1} />
        )}
      </Field>
      <Field label="Currency" error={errors.salary_currency?.message} hint="ISO 4217 code.">
        {(control) => (
          <Select {...control} {...form.register("salary_currency")}>
            <optgroup label="Common">
              {COMMON_CURRENCIES.map((code) => (
                <option key={code} value={code}>
                  {code} — {currencyName(code)}
                </option>
              ))}
            </optgroup>
            <optgroup label="All currencies">
              {CURRENCIES.filter(([code]) => !COMMON_CURRENCIES.includes(code)).map(([code, name]) => (
                <option key={code} value={code}>
                  {code} — {name}
                </option>
              ))}
            </optgroup>
          </Select>
        )}
      </Field>
    </div>
  );
}
