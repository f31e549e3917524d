import { describe, expect, it } from "vitest";
import { splitSql } from "./split-sql";

describe("splitSql", () => {
  it.each<[string, string[]]>([
    ["", []],
    ["select 1", ["select 1"]],
    ["select 1; select 2;", ["select 1", "select 2"]],
    ["select ';'; select 2", ["select ';'", "select 2"]],
    ["select 'it''s; fine'", ["select 'it''s; fine'"]],
    ['select 1 as "a;b"', ['select 1 as "a;b"']],
    ["-- a; comment\nselect 1;", ["-- a; comment\nselect 1"]],
    ["select 1; -- trailing; comment", ["select 1"]],
    ["/* a; /* nested; */ b; */ select 1;", ["/* a; /* nested; */ b; */ select 1"]],
    [
      "create function f() returns int language sql as $$ select 1; $$; select 2;",
      ["create function f() returns int language sql as $$ select 1; $$", "select 2"],
    ],
    ["do $body$ begin perform 1; end $body$; select 3", ["do $body$ begin perform 1; end $body$", "select 3"]],
    ["select $1::int; select 2", ["select $1::int", "select 2"]],
    [";;; select 1 ;;", ["select 1"]],
  ])("%j", (script, statements) => {
    expect(splitSql(script)).toEqual(statements);
  });
});
