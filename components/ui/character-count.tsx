"use client";
/**
 * "37 / 120": how much of a text limit is used, counted as a person counts characters (an emoji is
 * one). Shown instead of the browser's maxlength, which cuts pasted text without a word; past the
 * limit it turns red and the form's validation says why.
 */
import { cn } from "@/lib/cn";
import { graphemeCount } from "@/lib/text/graphemes";

export function CharacterCount({ value, max }: { value: string; max: number }) {
  const used = graphemeCount(value.trim());
  const over = used > max;
  return (
    <span className={cn("tabular-nums", over && "font-semibold text-danger-700")} data-testid="character-count">
      {used} / {max}
      {over && " — too long"}
    </span>
  );
}
