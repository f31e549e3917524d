/**
 * The admin dashboard's data: the admin_* analytics functions (supabase/migrations/…_admin_analytics),
 * called with the admin's own session so the database re-checks the role. Rows are parsed into app
 * types (bigint counts arrive as numbers or strings; both are accepted).
 */
import { z } from "zod";
import { COMPLETION_FIELDS } from "@/lib/profiles";
import type { Database } from "@/lib/database.types";
import type { ServerSupabase } from "@/lib/supabase/server";

type AdminFunction = Extract<keyof Database["public"]["Functions"], `admin_${string}`>;

const count = z.union([z.number(), z.string()]).transform(Number).pipe(z.number().int().nonnegative());
const decimal = z.union([z.number(), z.string()]).transform(Number).pipe(z.number());

const totalsSchema = z.object({
  total_users: count,
  total_profiles: count,
  orphan_users: count,
  completed_profiles: count,
  average_completion: decimal,
});
const bucketSchema = z.object({ bucket_from: z.number().int(), bucket_to: z.number().int(), profiles: count });
const fieldRateSchema = z.object({
  field: z.enum(COMPLETION_FIELDS),
  answered: count,
  profiles: count,
  answered_percentage: decimal,
});
const stepSchema = z.object({ step: z.string(), users: count });
const daySchema = z.object({ day: z.string(), completions: count });
const signupSchema = z.object({
  user_id: z.string(),
  full_name: z.string().nullable(),
  email_masked: z.string().nullable(),
  signed_up_at: z.string().nullable(),
  has_profile: z.boolean(),
  completion_percentage: z.number().int().nullable(),
  is_complete: z.boolean().nullable(),
  wizard_step: z.string().nullable(),
});

export type Totals = z.output<typeof totalsSchema>;
export type CompletionBucket = z.output<typeof bucketSchema>;
export type FieldRate = z.output<typeof fieldRateSchema>;
export type StepCount = z.output<typeof stepSchema>;
export type DayCount = z.output<typeof daySchema>;
export type RecentSignup = z.output<typeof signupSchema>;

export interface Dashboard {
  totals: Totals;
  distribution: CompletionBucket[];
  fieldRates: FieldRate[];
  steps: StepCount[];
  perDay: DayCount[];
  recent: RecentSignup[];
}

export class DashboardError extends Error {
  override name = "DashboardError";
}

async function call<T>(
  supabase: ServerSupabase,
  fn: AdminFunction,
  schema: z.ZodType<T>,
  args?: Record<string, unknown>,
): Promise<T[]> {
  const { data, error } = await supabase.rpc(fn, args);
  if (error) throw new DashboardError(`${fn}: ${error.code ?? ""} ${error.message}`);
  const parsed = z.array(schema).safeParse(data);
  if (!parsed.success) throw new DashboardError(`${fn}: unexpected shape (${parsed.error.issues[0]?.message ?? "?"})`);
  return parsed.data;
}

export async function loadDashboard(supabase: ServerSupabase, days = 30): Promise<Dashboard> {
  const [totals, distribution, fieldRates, steps, perDay, recent] = await Promise.all([
    call(supabase, "admin_profile_totals", totalsSchema),
    call(supabase, "admin_completion_distribution", bucketSchema),
    call(supabase, "admin_field_answer_rates", fieldRateSchema),
    call(supabase, "admin_wizard_steps", stepSchema),
    call(supabase, "admin_completions_per_day", daySchema, { p_days: days }),
    call(supabase, "admin_recent_signups", signupSchema, { p_limit: 10 }),
  ]);
  const first = totals[0];
  if (!first) throw new DashboardError("admin_profile_totals returned no row");
  return { totals: first, distribution, fieldRates, steps, perDay, recent };
}
