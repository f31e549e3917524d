"use client";

import type * as z from "zod/mini";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { ActionFormApi } from "@/lib/actions/use-action-form";
import { COMMON_CURRENCIES, CURRENCY_CODES, currencyName } from "@/lib/profiles/currencies";
import { groupThousands, parseWholeNumber } from "@/lib/profiles/numbers";
import type { salarySchema } from "@/lib/profiles/schema";

export type SalaryInput = z.input<typeof salarySchema>;

/** "85000" → "85,000 EUR per year", so a missing or extra zero is easy to spot. */
function amountHint(value: unknown, currency: unknown, fallback: string): string {
  const amount = parseWholeNumber(value, { grouping: true });
  if (amount === null || Number.isNaN(amount) || amount < 0) return fallback;
  return `${groupThousands(amount)} ${typeof currency === "string" ? currency : ""} per year`;
}

function CurrencyOption({ code }: { code: string }) {
  // Names come from Intl; the server's and the browser's ICU may word a rare one differently.
  return (
    <option value={code} suppressHydrationWarning>
      {code} — {currencyName(code)}
    </option>
  );
}

export function SalaryFields({ api }: { api: ActionFormApi<SalaryInput> }) {
  const [min, max, currency] = api.form.watch(["salary_min", "salary_max", "salary_currency"]);
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field
        className="sm:col-span-2"
        label="Currency"
        error={api.errorFor("salary_currency")}
        hint="The currency you are paid in."
      >
        {(control) => (
          <Select {...control} {...api.field("salary_currency")}>
            <optgroup label="Common">
              {COMMON_CURRENCIES.map((code) => (
                <CurrencyOption key={code} code={code} />
              ))}
            </optgroup>
            <optgroup label="All currencies">
              {CURRENCY_CODES.filter((code) => !COMMON_CURRENCIES.includes(code)).map((code) => (
                <CurrencyOption key={code} code={code} />
              ))}
            </optgroup>
          </Select>
        )}
      </Field>
      <Field
        label="Minimum salary"
        error={api.errorFor("salary_min")}
        hint={amountHint(min, currency, "Per year, before tax. Whole amounts, like 85,000.")}
      >
        {(control) => <Input {...control} {...api.field("salary_min")} inputMode="numeric" autoComplete="off" />}
      </Field>
      <Field
        label="Maximum salary"
        error={api.errorFor("salary_max")}
        hint={amountHint(max, currency, "Per year. Leave empty for open-ended.")}
      >
        {(control) => <Input {...control} {...api.field("salary_max")} inputMode="numeric" autoComplete="off" />}
      </Field>
    </div>
  );
}
