import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

const sessionUser = vi.hoisted(() => ({
  current: null as { id: string; email: string | null } | null,
  outage: false,
}));

vi.mock("@/lib/supabase/server", async () => {
  const { ServiceUnavailableError } = await import("@/lib/supabase/outage");
  return {
    createClient: async () => ({ fake: true }),
    getSessionUser: async () => {
      if (sessionUser.outage) throw new ServiceUnavailableError();
      return sessionUser.current;
    },
  };
});
vi.mock("next/navigation", () => ({
  unstable_rethrow: (error: unknown) => {
    if (error instanceof Error && error.message === "NEXT_REDIRECT") throw error;
  },
}));

const { validatedAction, validatedActionWithUser, SIGNED_OUT_MESSAGE, CHECK_FIELDS_MESSAGE } =
  await import("./safe-action");
const { NOT_A_FORM_MESSAGE, NUL_MESSAGE, TOO_LARGE_MESSAGE } = await import("@/lib/input/form-limits");
const { UNAVAILABLE_MESSAGE } = await import("@/lib/supabase/outage");
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

describe("input every action refuses before its schema", () => {
  beforeEach(() => {
    sessionUser.current = { id: "u1", email: "a@b.co" };
    sessionUser.outage = false;
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
  });

  // What a hostile client can post as the action's arguments instead of (state, FormData).
  for (const [label, args] of [
    ["[{ok:false}]", [{ ok: false }]],
    ["[1,2,3]", [1, 2, 3]],
    ['"x" spread', ["x"]],
    ["no arguments", []],
  ] as const) {
    it(`answers ${label} with a message, never a throw`, async () => {
      const handler = vi.fn();
      const action = validatedActionWithUser(schema, handler) as (...args: unknown[]) => Promise<unknown>;
      expect(await action(...args)).toEqual({ ok: false, kind: "refused", message: NOT_A_FORM_MESSAGE });
      expect(handler).not.toHaveBeenCalled();
    });
  }

  it("a NUL in any value is a field error; the handler never runs", async () => {
    const handler = vi.fn();
    const state = await validatedAction(schema, handler)(
      initialFormState,
      form({ email: "a\u0000@b.co", password: "pw" }),
    );
    expect(handler).not.toHaveBeenCalled();
    expect(state).toEqual({
      ok: false,
      kind: "invalid",
      message: CHECK_FIELDS_MESSAGE,
      fieldErrors: { email: NUL_MESSAGE },
      values: { email: "a\u0000@b.co" },
    });
  });

  it("a body over 1 MB gets the size message", async () => {
    const handler = vi.fn();
    const state = await validatedAction(schema, handler)(
      initialFormState,
      form({ email: "a@b.co", password: "x".repeat(1024 * 1024 + 1) }),
    );
    expect(handler).not.toHaveBeenCalled();
    expect(state).toEqual({ ok: false, kind: "refused", message: TOO_LARGE_MESSAGE });
  });

  it("Auth unreachable is a form-level 'briefly unavailable' with the values kept, not a sign-out", async () => {
    sessionUser.outage = true;
    const handler = vi.fn();
    const state = await validatedActionWithUser(schema, handler)(
      initialFormState,
      form({ email: "a@b.co", password: "pw" }),
    );
    expect(handler).not.toHaveBeenCalled();
    expect(state).toEqual({
      ok: false,
      kind: "unavailable",
      message: UNAVAILABLE_MESSAGE,
      values: { email: "a@b.co" },
    });
    expect(state.message).not.toBe(SIGNED_OUT_MESSAGE);
  });
});
