/**
 * How PostgREST 14 hands a request's values to a function: variadic arguments (repeated query or
 * form parameters become the array, `VARIADIC` in the call), repeated parameters of other arguments
 * (the last wins), and JSON array bodies (the function is called once, with the first object).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rest, runFixture, serviceClient } from "./rest-support";

beforeAll(() => runFixture("rest_rpc_calls.sql", "rest_rc_calls", true));
afterAll(() => runFixture("rest_rpc_calls_drop.sql", "rest_rc_calls", false));

async function answer(res: Response): Promise<{ status: number; body: unknown }> {
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

const get = async (path: string) => answer(await rest(path));

async function post(name: string, body: string, type = "application/json", query = "") {
  return answer(await rest(`/rpc/${name}${query}`, { method: "POST", headers: { "Content-Type": type }, body }));
}

describe("variadic functions", () => {
  it("over GET: no parameter takes the default, one is a one-element array, repeats fill it in order", async () => {
    expect(await get("/rpc/rest_rc_words")).toEqual({ status: 200, body: [] });
    expect(await get("/rpc/rest_rc_words?v=hi")).toEqual({ status: 200, body: ["hi"] });
    expect(await get("/rpc/rest_rc_words?v=hi&v=there&v=you")).toEqual({ status: 200, body: ["hi", "there", "you"] });
  });

  it("over POST: the JSON array of the key; a string is not an array (400 22P02)", async () => {
    expect(await post("rest_rc_words", '{"v":["hi","hello"]}')).toEqual({ status: 200, body: ["hi", "hello"] });
    expect(await post("rest_rc_words", "{}")).toEqual({ status: 200, body: [] });
    expect(await post("rest_rc_words", '{"v":"hi"}')).toEqual({
      status: 400,
      body: {
        code: "22P02",
        message: 'malformed array literal: "hi"',
        details: 'Array value must start with "{" or dimension information.',
        hint: null,
      },
    });
  });

  it("over a form body: repeated fields fill the array, none takes the default", async () => {
    const form = "application/x-www-form-urlencoded";
    expect(await post("rest_rc_words", "v=hi&v=there", form)).toEqual({ status: 200, body: ["hi", "there"] });
    expect(await post("rest_rc_words", "v=hi", form)).toEqual({ status: 200, body: ["hi"] });
    expect(await post("rest_rc_words", "", form)).toEqual({ status: 200, body: [] });
  });

  it("keeps the last value of a repeated non-variadic argument beside a variadic one", async () => {
    expect(await get("/rpc/rest_rc_greet?name=ignored&v=a&name=world&v=b")).toEqual({
      status: 200,
      body: "world: a,b",
    });
  });

  it("casts the array to the declared element type", async () => {
    expect(await get("/rpc/rest_rc_sum?n=1&n=2&n=39")).toEqual({ status: 200, body: 42 });
    expect(await post("rest_rc_sum", '{"n":[40,2]}')).toEqual({ status: 200, body: 42 });
    expect((await get("/rpc/rest_rc_sum?n=1&n=x")).body).toMatchObject({
      code: "22P02",
      message: 'invalid input syntax for type integer: "x"',
    });
  });

  it("requires a variadic argument without a default (404 PGRST202)", async () => {
    expect(await get("/rpc/rest_rc_greet?name=world")).toMatchObject({
      status: 404,
      body: {
        code: "PGRST202",
        message: "Could not find the function public.rest_rc_greet(name) in the schema cache",
        details:
          "Searched for the function public.rest_rc_greet with parameter name, but no matches were found in the schema cache.",
      },
    });
  });

  it("leaves out an unnamed variadic function, which no request can name (404 PGRST202)", async () => {
    expect(await post("rest_rc_anon", '{"":["a"]}')).toMatchObject({
      status: 404,
      body: { code: "PGRST202", message: "Could not find the function public.rest_rc_anon() in the schema cache" },
    });
  });
});

describe("repeated parameters without a variadic argument", () => {
  it("takes the last value of a repeated argument", async () => {
    expect(await get("/rpc/rest_rc_add?a=1&b=2&a=40")).toEqual({ status: 200, body: 42 });
  });

  it("applies every repeated filter on a function's rows", async () => {
    expect(await get("/rpc/rest_rc_upto?n=6&i=gt.1&i=lt.5&i=neq.3")).toEqual({
      status: 200,
      body: [{ i: 2 }, { i: 4 }],
    });
  });
});

describe("JSON array bodies", () => {
  it("calls the function once, with the first object", async () => {
    expect(await post("rest_rc_add", '[{"a":1,"b":2},{"a":4,"b":6},{"a":100,"b":200}]')).toEqual({
      status: 200,
      body: 3,
    });
    expect(await post("rest_rc_note", '[{"msg":"one"},{"msg":"two"},{"msg":"three"}]')).toEqual({
      status: 200,
      body: 1,
    });
    const { data } = await serviceClient().from("rest_rc_calls").select("msg");
    expect(data).toEqual([{ msg: "one" }]);
  });

  it("refuses objects with different keys, or elements that are not objects (400 PGRST102)", async () => {
    const refusal = {
      status: 400,
      body: { code: "PGRST102", message: "All object keys must match", details: null, hint: null },
    };
    expect(await post("rest_rc_add", '[{"a":1,"b":2},{"a":4}]')).toEqual(refusal);
    expect(await post("rest_rc_add", '[{"a":1,"b":2},7]')).toEqual(refusal);
    expect(await post("rest_rc_length", "[1,2,3]")).toEqual(refusal);
  });

  it("reads an empty array or a scalar as no arguments; a lone jsonb argument then gets []", async () => {
    expect(await post("rest_rc_ping", "[]")).toEqual({ status: 200, body: "pong" });
    expect(await post("rest_rc_ping", "5")).toEqual({ status: 200, body: "pong" });
    expect(await post("rest_rc_length", '"text"')).toEqual({ status: 200, body: 0 });
    expect(await post("rest_rc_length", '[{"a":1},{"a":2}]')).toEqual({ status: 200, body: 2 });
  });

  it("with columns=, leaves a scalar body to Postgres's json_to_recordset (400 22023)", async () => {
    expect(await post("rest_rc_add", "5", "application/json", "?columns=a,b")).toMatchObject({
      status: 400,
      body: { code: "22023", message: "cannot call json_to_recordset on a scalar" },
    });
  });

  it("with columns=, takes the named keys of the first row and NULL for those it lacks", async () => {
    expect(await post("rest_rc_add", '[{"a":1},{"a":5,"b":1}]', "application/json", "?columns=a,b")).toEqual({
      status: 200,
      body: null,
    });
    expect(await post("rest_rc_add", '[{"a":1,"b":2,"c":0}]', "application/json", "?columns=a,b")).toEqual({
      status: 200,
      body: 3,
    });
  });
});

describe("one TABLE column or one OUT argument", () => {
  it("answers rows with that column, not bare values", async () => {
    expect(await get("/rpc/rest_rc_upto?n=2")).toEqual({ status: 200, body: [{ i: 1 }, { i: 2 }] });
    expect(await get("/rpc/rest_rc_next?num=2")).toEqual({ status: 200, body: { next: 3 } });
  });
});

describe("JSON values as arguments, read by Postgres from the body as sent", () => {
  it("keeps every digit of a number", async () => {
    expect(await post("rest_rc_big", '{"n": 9007199254740993}')).toEqual({ status: 200, body: "9007199254740993" });
    expect(await post("rest_rc_big", '{"n": 1.0}')).toMatchObject({
      status: 400,
      body: { code: "22P02", message: 'invalid input syntax for type bigint: "1.0"' },
    });
  });

  it("passes an array or object to a text argument as its JSON text", async () => {
    expect(await post("rest_rc_text", '{"t": ["a", "b"]}')).toEqual({ status: 200, body: '["a", "b"]' });
    expect(await post("rest_rc_text", '{"t": {"k": 1}}')).toEqual({ status: 200, body: '{"k": 1}' });
  });

  it("reads an array of objects as an array of rows", async () => {
    expect(await post("rest_rc_msgs", '{"items": [{"id": 2, "msg": "b"}, {"id": 1, "msg": "a"}]}')).toEqual({
      status: 200,
      body: "a,b",
    });
  });

  it("refuses a number for an array argument as Postgres does (400 22P02, hint naming the key)", async () => {
    expect(await post("rest_rc_sum", '{"n": 5}')).toEqual({
      status: 400,
      body: { code: "22P02", message: "expected JSON array", details: null, hint: 'See the value of key "n".' },
    });
  });

  it("passes a character argument whole, over POST and GET", async () => {
    expect(await post("rest_rc_char", '{"c": "hello"}')).toEqual({ status: 200, body: "hello" });
    expect(await get("/rpc/rest_rc_char?c=hello")).toEqual({ status: 200, body: "hello" });
  });
});

describe("a function's own settings", () => {
  it("applies its statement_timeout to the whole call (500 57014), as PostgREST hoists it", async () => {
    expect(await post("rest_rc_slow", "{}")).toEqual({
      status: 500,
      body: { code: "57014", message: "canceling statement due to statement timeout", details: null, hint: null },
    });
  });

  it("runs the call at its default_transaction_isolation", async () => {
    expect(await get("/rpc/rest_rc_isolation")).toEqual({ status: 200, body: "serializable" });
  });
});
