/** zod issues → the first message per top-level key (`_form` for object-level issues). */
import type { z } from "zod";

export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out[key] ??= "This field cannot be changed";
      continue;
    }
    const key = issue.path.length > 0 ? String(issue.path[0]) : "_form";
    out[key] ??= issue.message;
  }
  return out;
}
