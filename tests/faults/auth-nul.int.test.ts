/**
 * U+0000 sent straight to Auth. GoTrue has no NUL check of its own: `data: {"a":"\u0000"}` on signup
 * reaches a jsonb column and fails as "Database error saving new user" (500), and a NUL in the email
 * of a password sign-in fails the user lookup as "Database error querying schema" (500); a NUL inside
 * an email address to sign up or recover with fails its format check (400). The local Auth answers
 * the same, and stores nothing. These are 5xx upstream too, so the app never sends them: the action
 * wrapper refuses a NUL in any form value first (lib/actions/safe-action.test.ts).
 */
import pg from "pg";
import { describe, expect, it } from "vitest";
import { env } from "@/tests/conformance/test-env";

async function auth(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${env.url}/auth/v1${path}`, {
    method: "POST",
    headers: { apikey: env.anonKey, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function usersWithEmail(email: string): Promise<number> {
  const client = new pg.Client({ connectionString: env.dbUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("select count(*)::int as n from auth.users where email = $1", [
      email,
    ]);
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

describe("Auth and NUL bytes, as GoTrue answers", () => {
  it("signup with a NUL in user metadata: 500 'Database error saving new user', no user stored", async () => {
    const email = `nul-meta-${Date.now()}@example.com`;
    const answer = await auth("/signup", { email, password: "Nul-Passw0rd-1", data: { a: "\u0000" } });
    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({ error_code: "unexpected_failure", msg: "Database error saving new user" });
    expect(await usersWithEmail(email)).toBe(0);
  });

  it("password sign-in with a NUL in the email: 500 'Database error querying schema'", async () => {
    const answer = await auth("/token?grant_type=password", { email: "a\u0000@example.com", password: "x" });
    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({ error_code: "unexpected_failure", msg: "Database error querying schema" });
  });

  it("signup and recovery with a NUL inside the address: 400 validation_failed", async () => {
    for (const [path, body] of [
      ["/signup", { email: "a\u0000b@example.com", password: "Nul-Passw0rd-1" }],
      ["/recover", { email: "a\u0000b@example.com" }],
    ] as const) {
      const answer = await auth(path, body);
      expect(answer.status, path).toBe(400);
      expect(answer.body.error_code, path).toBe("validation_failed");
    }
  });
});
