import { describe, expect, it } from "vitest";
import { preRequestSql } from "./execute";

describe("preRequestSql", () => {
  it("splits at the first dot, as PostgREST, and quotes each part", () => {
    expect(preRequestSql("public.check_request")).toBe('"public"."check_request"');
    expect(preRequestSql("check_request")).toBe('"check_request"');
    expect(preRequestSql("a.b.c")).toBe('"a"."b.c"');
    expect(preRequestSql('x"(); drop table t; --')).toBe('"x""(); drop table t; --"');
    expect(preRequestSql("")).toBeUndefined();
    expect(preRequestSql(undefined)).toBeUndefined();
  });
});
