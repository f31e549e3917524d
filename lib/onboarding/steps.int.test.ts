/**
 * The step records (lib/onboarding/steps.ts) against the database: SQL's private.wizard_steps()
 * (which save_profile_step and the admin analytics read) must list the same steps with the same
 * fields, and the completion rule's field list and required flags must match lib/profiles/fields.
 * A throwaway step proves the check bites, and that wizard, write and completion agree once both
 * sides have it.
 */
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { COMPLETION_FIELDS, REQUIRED_FIELDS, type CompletionField } from "@/lib/profiles/fields";
import { FORM_STEPS, firstUnansweredStep } from "./steps";

const pool = new pg.Pool({ connectionString: process.env.SUPABASE_DB_URL, max: 2 });
afterAll(() => pool.end());

type StepList = readonly { slug: string; fields: readonly CompletionField[]; optional?: boolean }[];

async function sqlSteps(client: pg.ClientBase): Promise<StepList> {
  const { rows } = await client.query<{ step: string; fields: string[] }>(
    "select step, fields from private.wizard_steps() order by ord",
  );
  return rows.map((row) => ({ slug: row.step, fields: row.fields as CompletionField[] }));
}

/** Every difference between the records and SQL, in words (empty: they agree). */
function drift(records: StepList, sql: StepList): string[] {
  const problems: string[] = [];
  const show = (list: StepList) => list.map((step) => `${step.slug}(${step.fields.join(",")})`).join(" ");
  if (show(records) !== show(sql)) {
    problems.push(`steps differ — records: ${show(records)}; private.wizard_steps(): ${show(sql)}`);
  }
  const asked = records.flatMap((step) => step.fields);
  const unasked = COMPLETION_FIELDS.filter((field) => !asked.includes(field));
  if (unasked.length > 0) problems.push(`no step asks for ${unasked.join(", ")}`);
  for (const step of records) {
    const required = step.fields.some((field) => REQUIRED_FIELDS.includes(field));
    if (step.optional === required) problems.push(`${step.slug}: optional must be ${!required}`);
  }
  return problems;
}

describe("the step records and SQL agree", () => {
  it("private.wizard_steps() lists the records' steps and fields, in order", async () => {
    const client = await pool.connect();
    try {
      expect(drift(FORM_STEPS, await sqlSteps(client))).toEqual([]);
    } finally {
      client.release();
    }
  });

  it("the completion rule's fields and required flags are lib/profiles/fields'", async () => {
    const { rows } = await pool.query<{ field: string; required: boolean }>(
      "select field, required from private.profile_field_status(null::public.user_profiles) order by ord",
    );
    expect(rows.map((row) => row.field)).toEqual([...COMPLETION_FIELDS]);
    expect(rows.filter((row) => row.required).map((row) => row.field)).toEqual([...REQUIRED_FIELDS]);
  });

  it("a throwaway step: drift is reported until SQL has it, then wizard, write and completion agree", async () => {
    // "study" takes the field of study out of the education step.
    const records: StepList = FORM_STEPS.flatMap((step): StepList =>
      step.slug === "education"
        ? [
            { slug: "education", fields: ["education_level"], optional: false },
            { slug: "study", fields: ["field_of_study"], optional: true },
          ]
        : [step],
    );
    const client = await pool.connect();
    try {
      await client.query("begin");
      expect(drift(records, await sqlSteps(client))[0]).toMatch(/^steps differ/);

      await client.query(`
        create or replace function private.wizard_steps()
        returns table (ord integer, step text, fields text[])
        language sql immutable parallel safe set search_path = ''
        as $$ values
          (1, 'experience', array['years_of_experience', 'experience_level']::text[]),
          (2, 'education', array['education_level']::text[]),
          (3, 'study', array['field_of_study']::text[]),
          (4, 'skills', array['skills_technologies']::text[]),
          (5, 'preferences', array['work_arrangement_preference', 'preferred_locations']::text[]),
          (6, 'salary', array['salary_range']::text[]) $$`);
      expect(drift(records, await sqlSteps(client))).toEqual([]);

      const { rows } = await client.query<{ id: string }>(
        "insert into auth.users (id, aud, role, email) values (gen_random_uuid(), 'authenticated', 'authenticated', $1) returning id",
        [`drift-${Date.now()}@example.test`],
      );
      const userId = rows[0]?.id ?? "";
      await client.query("select set_config('request.jwt.claims', $1, true)", [
        JSON.stringify({ role: "authenticated", sub: userId }),
      ]);
      await client.query("set local role authenticated");
      const save = async (step: string, values: object) =>
        (await client.query("select public.save_profile_step($1, $2) as saved", [step, JSON.stringify(values)])).rows[0]
          .saved as { answered_fields: CompletionField[]; completion_percentage: number };

      await save("experience", { years_of_experience: 2, experience_level: "junior" });
      const afterEducation = await save("education", { education_level: "phd" });
      // The wizard resumes at the new step; the write refuses a column outside it.
      expect(firstUnansweredStep(afterEducation.answered_fields, records)).toBe("study");
      await client.query("savepoint outside");
      await expect(save("education", { field_of_study: "Art" })).rejects.toMatchObject({ code: "22023" });
      await client.query("rollback to savepoint outside");
      // Saved through its own step, the field counts in completion, and the wizard moves on.
      const afterStudy = await save("study", { field_of_study: "Art" });
      expect(afterStudy.completion_percentage).toBe(68);
      expect(firstUnansweredStep(afterStudy.answered_fields, records)).toBe("skills");
    } finally {
      await client.query("rollback").catch(() => undefined);
      client.release();
    }
  });
});
