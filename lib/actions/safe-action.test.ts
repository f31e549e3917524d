import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

const sessionUser = vi.hoisted(() => ({ current: null as { id: string; email: string | null } | null }));

vi.mock("@/lib/supabase/server", () => ({
  createClient: async () => ({ fake: true }),
  getSessionUser: async () => sessionUser.current,
}));
vi.mock("next/navigation", () => ({
  unstable_rethrow: (error: unknown) => {
    if (error instanceof Error && error.message === "NEXT_REDIRECT") throw error;
  },
}));

const { validatedAction, validatedActionWithUser, SIGNED_OUT_MESSAGE, CHECK_FIELDS_MESSAGE } =
  await import("./safe-action");
const { initialFormState } = await import("./form-state");

const schema = z.object({ email: z.email({ message: "Enter a valid email" }), password: z.string().min(1) });

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

describe("validatedAction", () => {
  beforeEach(() => {
    sessionUser.current = null;
    vi.spyOn(console, "error").mockImplementation(() => undefined);
  });

  it("returns field errors and echoes non-secret values when parsing fails", async () => {
    const handler = vi.fn();
    const action = validatedAction(schema, handler);
    const state = await action(initialFormState, form({ email: "nope", password: "hunter22" }));
    expect(handler).not.toHaveBeenCalled();
    expect(state).toEqual({
      ok: false,
      kind: "invalid",
      message: CHECK_FIELDS_MESSAGE,
      fieldErrors: { email: "Enter a valid email" },
      values: { email: "nope" },
    });
  });

  it("passes parsed data to the handler and defaults to ok", async () => {
    const action = validatedAction(schema, async (data) => {
      expect(data).toEqual({ email: "a@b.co", password: "pw" });
    });
    expect(await action(initialFormState, form({ email: "a@b.co", password: "pw" }))).toEqual({ ok: true });
  });

  it("validates zod/mini schemas with the same rules", async () => {
    const mini = await import("zod/mini");
    const action = validatedAction(
      mini.object({ years: mini.string().check(mini.minLength(2, "Too short")) }),
      async () => {
        return undefined;
      },
    );
    expect(await action(initialFormState, form({ years: "1" }))).toMatchObject({ fieldErrors: { years: "Too short" } });
  });

  it("turns an unexpected throw into a message with a reference id, never the raw error", async () => {
    const action = validatedAction(schema, async () => {
      throw new Error("duplicate key value violates unique constraint");
    });
    const state = await action(initialFormState, form({ email: "a@b.co", password: "pw" }));
    expect(state.ok).toBe(false);
    expect(state.message).toMatch(/^Something went wrong on our side\. Please try again\. \(Reference [0-9a-f]{8}\)$/);
    expect(state.message).not.toContain("duplicate");
    const reference = /Reference ([0-9a-f]{8})/.exec(state.message ?? "")?.[1];
    expect(String(vi.mocked(console.error).mock.calls.at(-1)?.[0])).toContain(reference);
  });

  it("lets Next's redirect pass through", async () => {
    const action = validatedAction(schema, async () => {
      throw new Error("NEXT_REDIRECT");
    });
    await expect(action(initialFormState, form({ email: "a@b.co", password: "pw" }))).rejects.toThrow("NEXT_REDIRECT");
  });
});

describe("validatedActionWithUser", () => {
  it("refuses a signed-out caller before parsing", async () => {
    sessionUser.current = null;
    const handler = vi.fn();
    const state = await validatedActionWithUser(schema, handler)(initialFormState, form({ email: "bad" }));
    expect(handler).not.toHaveBeenCalled();
    expect(state).toEqual({ ok: false, kind: "signed_out", message: SIGNED_OUT_MESSAGE, values: { email: "bad" } });
  });

  it("gives the handler the verified user", async () => {
    sessionUser.current = { id: "u1", email: "a@b.co" };
    const action = validatedActionWithUser(schema, async (_data, { user }) => ({ ok: true, message: user.id }));
    expect(await action(initialFormState, form({ email: "a@b.co", password: "pw" }))).toEqual({
      ok: true,
      message: "u1",
    });
  });
});
