/**
 * Where the wizard goes after a step was saved or skipped (server only): the next step, carrying
 * the template; or back to the profile section when the step was opened from /profile.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { findTemplate } from "@/lib/profiles/templates";
import { nextStep, stepHref, type FormStepSlug } from "./steps";

export function afterStep(step: FormStepSlug, formData: FormData): never {
  revalidatePath("/onboarding", "layout");
  revalidatePath("/profile");
  if (formData.get("from") === "profile") redirect(`/profile#section-${step}`);
  const raw = formData.get("template");
  const template = typeof raw === "string" ? (findTemplate(raw)?.id ?? null) : null;
  redirect(stepHref(nextStep(step) ?? "review", template));
}
