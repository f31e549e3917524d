/**
 * Functions as PostgREST sees them: unnamed arguments (a lone json/jsonb/text argument takes the body,
 * other unnamed ones leave the function out), overloads and PostgREST's wording of PGRST202/PGRST203.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rest, runFixture } from "./rest-support";

beforeAll(() => runFixture("rest_functions.sql", "rest_fn_items", true));
afterAll(() => runFixture("rest_functions_drop.sql", "rest_fn_items", false));

async function call(name: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await rest(`/rpc/${name}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

describe("unnamed arguments", () => {
  it("passes the whole body to a lone unnamed text argument named by the empty key", async () => {
    expect(await call("rest_fn_echo", { "": "hi" })).toEqual({ status: 200, body: '{"":"hi"}' });
  });

  it("passes any body to a lone unnamed jsonb argument", async () => {
    expect(await call("rest_fn_key_count", { a: 1, b: 2 })).toEqual({ status: 200, body: 2 });
  });

  it("leaves out a function whose unnamed argument no body can name (404 PGRST202, never SQL)", async () => {
    expect(await call("rest_fn_echoes", { "": 1 })).toEqual({
      status: 404,
      body: {
        code: "PGRST202",
        message: "Could not find the function public.rest_fn_echoes() in the schema cache",
        details:
          "Searched for the function public.rest_fn_echoes with parameter  or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.",
        hint: "Perhaps you meant to call the function public.rest_fn_echo",
      },
    });
  });

  it("calls the unnamed overload with a default when the empty key is given, else cannot choose", async () => {
    expect(await call("rest_fn_greeting", { "": "x" })).toEqual({ status: 200, body: 'hello {"":"x"}' });
    expect(await call("rest_fn_greeting", {})).toEqual({
      status: 300,
      body: {
        code: "PGRST203",
        message:
          "Could not choose the best candidate function between: public.rest_fn_greeting(), public.rest_fn_greeting( => text)",
        details: null,
        hint: "Try renaming the parameters or the function itself in the database so function overloading can be resolved",
      },
    });
  });
});

describe("overloads", () => {
  it("lists ambiguous candidates in PostgREST's order (by argument type), not creation order", async () => {
    const { status, body } = await call("rest_fn_shape", { a: "x" });
    expect(status).toBe(300);
    expect(body).toMatchObject({
      code: "PGRST203",
      message:
        "Could not choose the best candidate function between: public.rest_fn_shape(a => integer), public.rest_fn_shape(a => text)",
    });
  });

  it("hints at the closest argument list of the function", async () => {
    expect(await call("rest_fn_area", { w: 2 })).toEqual({
      status: 404,
      body: {
        code: "PGRST202",
        message: "Could not find the function public.rest_fn_area(w) in the schema cache",
        details:
          "Searched for the function public.rest_fn_area with parameter w or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.",
        hint: "Perhaps you meant to call the function public.rest_fn_area(h, w)",
      },
    });
    expect(await call("rest_fn_area", { w: 2, h: 3 })).toEqual({ status: 200, body: 6 });
  });

  it("gives no hint when nothing is close, and no json/jsonb wording over GET", async () => {
    const res = await rest("/rpc/rest_fn_zzzz_qqqq?x=1");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      code: "PGRST202",
      message: "Could not find the function public.rest_fn_zzzz_qqqq(x) in the schema cache",
      details:
        "Searched for the function public.rest_fn_zzzz_qqqq with parameter x, but no matches were found in the schema cache.",
      hint: null,
    });
  });
});
