"use client";

/**
 * Unsaved wizard input, kept per step in sessionStorage so "Back" and returning never lose it.
 * A draft remembers the saved answers it started from (`basis`); once the step was saved with
 * other answers since (say, edited on /profile), the draft is stale and newer saved data wins.
 */
import { useEffect } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";

export interface DraftConfig {
  key: string;
  /** The saved answers the form starts from, serialized: a draft made from other ones is dropped. */
  basis: string;
}

function readDraft(key: string, basis: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(key) ?? "null");
    if (!parsed || typeof parsed !== "object" || !("basis" in parsed) || !("values" in parsed)) return null;
    if (parsed.basis !== basis) {
      sessionStorage.removeItem(key);
      return null;
    }
    const values = parsed.values;
    return values && typeof values === "object" && !Array.isArray(values) ? (values as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function useStepDraft<T extends FieldValues>(form: UseFormReturn<T, unknown, unknown>, draft?: DraftConfig) {
  const key = draft?.key;
  const basis = draft?.basis ?? "";
  useEffect(() => {
    if (!key) return;
    const saved = readDraft(key, basis);
    if (saved) form.reset({ ...form.getValues(), ...saved }, { keepDefaultValues: true });
    const subscription = form.watch((values) => sessionStorage.setItem(key, JSON.stringify({ basis, values })));
    return () => subscription.unsubscribe();
  }, [key, basis, form]);
}

export function clearDraft(draft?: DraftConfig): void {
  if (draft) sessionStorage.removeItem(draft.key);
}
