/** SQLSTATE → HTTP status, as PostgREST's mapSQLtoHTTP, and Node socket errors. */
import { describe, expect, it } from "vitest";
import { statusForSqlState } from "./errors";
import { toDbError } from "./execute";

describe("statusForSqlState", () => {
  it.each([
    ["42501", "permission denied for table t", true, 401],
    ["42501", "permission denied for table t", false, 403],
    ["23505", "duplicate key", false, 409],
    ["23503", "fk", false, 409],
    ["23502", "not null", false, 400],
    ["23514", "check", false, 400],
    ["22P02", "invalid input syntax", false, 400],
    ["42703", "column t.x does not exist", false, 400],
    ["21000", "UPDATE requires a WHERE clause", false, 400],
    ["21000", "more than one row returned by a subquery", false, 500],
    ["22023", 'role "nobody" does not exist', false, 401],
    ["22023", "invalid parameter value", false, 400],
    ["42P01", "relation does not exist", false, 404],
    ["42883", "function does not exist", false, 404],
    ["P0001", "raised", false, 400],
    ["PT402", "payment", false, 402],
    ["25006", "read-only transaction", false, 405],
    ["08006", "connection failure", false, 503],
    ["53300", "too many connections", false, 503],
    ["57014", "statement timeout", false, 500],
    ["42P17", "infinite recursion", false, 500],
    ["40001", "serialization", false, 500],
    ["XX000", "internal", false, 500],
    ["0A000", "feature not supported", false, 400],
    ["28000", "invalid authorization", false, 403],
    ["0P000", "invalid role specification", false, 403],
    ["57P01", "terminating connection", false, 503],
    ["53400", "configuration limit exceeded", false, 500],
    ["54000", "index row size exceeds maximum", false, 500],
    ["42704", 'type "nosuchtype" does not exist', false, 400],
    ["2D000", "invalid transaction termination", false, 500],
  ])("%s (%s, anon=%s) → %i", (code, message, anon, status) => {
    expect(statusForSqlState(code, message, anon)).toBe(status);
  });

  it("keeps Postgres's message, detail and hint", () => {
    const error = Object.assign(new Error("duplicate key value"), {
      code: "23505",
      detail: "Key (id)=(1) already exists.",
    });
    expect(toDbError(error, "authenticated", "anon")?.body()).toEqual({
      code: "23505",
      details: "Key (id)=(1) already exists.",
      hint: null,
      message: "duplicate key value",
    });
  });

  it("turns an unreachable database into 503 PGRST001", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(toDbError(error, "anon", "anon")).toMatchObject({ status: 503, code: "PGRST001" });
    const pipe = Object.assign(new Error("write EPIPE"), { code: "EPIPE" });
    expect(toDbError(pipe, "anon", "anon")).toMatchObject({ status: 503, code: "PGRST001" });
  });
});
