"use client";

import type * as z from "zod/mini";
import type { ActionFormApi } from "@/lib/actions/use-action-form";
import { LIMITS } from "@/lib/profiles/fields";
import type { skillsSchema } from "@/lib/profiles/schema";
import { TagField } from "./tag-field";

export type SkillsInput = z.input<typeof skillsSchema>;

export function SkillsFields({ api }: { api: ActionFormApi<SkillsInput> }) {
  return (
    <TagField
      api={api}
      name="skills_technologies"
      label="Skills"
      hint={`Type a skill and press Enter or comma to add it. Up to ${LIMITS.skills.maxItems} skills.`}
      limits={LIMITS.skills}
      noun="skill"
      placeholder="e.g. TypeScript"
    />
  );
}
