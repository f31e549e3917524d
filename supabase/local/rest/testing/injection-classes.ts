/**
 * Injection classes for the fuzz suites: one generator per place client text reaches a statement
 * (casts, JSON paths, aliases, order, related order, operators, values, fts configs, quantifiers, `is`, lists, logic
 * trees, `columns`, `on_conflict`, embed hints and filters, rpc names and arguments, aggregates, Prefer, Range,
 * profiles, body keys, Accept media types and their plan options, CSV/form/raw bodies), each sending fragments shaped to escape that place.
 */
import { pick, type Random } from "./fuzz-inputs";

/**
 * A word no part of the SQL builder ever writes. Every injection fragment carries it, so a statement
 * whose text (outside quoted identifiers) contains it has let client text through.
 */
export const MARKER = "zqxmark";

/** Fragments shaped to escape each place client text goes: type names, keys, lists, SQL words. */
export const INJECTIONS = [
  `text AS a FROM pg_roles UNION SELECT rolname AS ${MARKER} FROM pg_roles`,
  `int) ${MARKER} (`,
  `${MARKER}; select pg_sleep(10)`,
  `${MARKER}" FROM pg_settings --`,
  `${MARKER}' OR '1'='1`,
  `${MARKER}$1`,
  `double precision ${MARKER}`,
  `${MARKER}*/`,
  `${MARKER}\u0000`,
  `(select ${MARKER})`,
];

/** One class per place client text reaches the statement; each generator builds a request around that place. */
export type InjectionClass =
  | "cast"
  | "json-path"
  | "alias"
  | "order"
  | "related-order"
  | "operator"
  | "filter-value"
  | "fts-config"
  | "quantifier"
  | "is-value"
  | "in-list"
  | "logic-tree"
  | "columns"
  | "on-conflict"
  | "embed-hint"
  | "embed-filter"
  | "rpc-name"
  | "rpc-args"
  | "aggregate"
  | "prefer"
  | "range"
  | "profile"
  | "body-keys"
  | "media"
  | "content-type";

export interface ClassRequest {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Which fixture the request targets: the table with columns, its child table, or a function. */
  target: "table" | "child" | "rpc";
  /** The function name for `target: "rpc"` when the class varies it; else the fixture's function. */
  rpcName?: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string | null;
}

/** Names of the fixture the request is built around (the pure cache or the HTTP fixture tables). */
// `target: "table"` is the table holding `text`, `json` and `id`; `child` references it through `fkName`.
export interface FuzzFixture {
  text: string;
  json: string;
  id: string;
  child: string;
  /** The name the child embeds the table by (to-one). */
  parent: string;
  fkName: string;
  rpcArg: string;
  /** A function with a variadic argument: repeated query or form values fill its array. */
  rpcVariadic: { name: string; arg: string };
}

export function classRequest(r: Random, cls: InjectionClass, f: FuzzFixture): ClassRequest {
  const bad = () => pick(r, INJECTIONS);
  const q = new URLSearchParams();
  const req: ClassRequest = { method: "GET", target: "table", query: q, headers: {}, body: null };
  switch (cls) {
    case "cast":
      q.set("select", `${f.id}::${bad()}`);
      break;
    case "json-path":
      // Quoted keys carry any character; bare ones stop at the grammar's punctuation.
      q.set("select", `${f.json}->${JSON.stringify(bad())}->>${pick(r, [bad(), MARKER])}`);
      q.set(`${f.json}->>${pick(r, [JSON.stringify(bad()), MARKER])}`, `eq.${bad()}`);
      break;
    case "alias":
      q.set("select", `"${bad()}":${f.id},${JSON.stringify(bad())}:${f.child}(*)`);
      break;
    case "order":
      q.set("order", `${f.id}.${pick(r, ["desc", "asc", bad()])},${f.json}->>${bad()}.nullsfirst`);
      break;
    case "related-order":
      // From the child, the table is a to-one embed: `rel(col)` terms reach its lateral join.
      req.target = "child";
      q.set("select", `${f.id},${pick(r, ["", "..."])}${f.parent}(${f.id},${f.json})`);
      q.set(
        "order",
        `${f.parent}(${f.json}->>${pick(r, [bad(), JSON.stringify(bad())])}).desc,${f.parent}(${pick(r, [f.id, JSON.stringify(bad())])}).${pick(r, ["asc", bad()])}`,
      );
      break;
    case "operator":
      q.set(f.text, `${bad()}.x`);
      break;
    case "filter-value":
      q.set(f.text, `${pick(r, ["eq", "like", "ilike", "match", "gt", "cs", "adj", "isdistinct"])}.${bad()}`);
      break;
    case "fts-config":
      q.set(
        f.text,
        `${pick(r, ["fts", "plfts", "phfts", "wfts"])}(${pick(r, [bad(), `${MARKER}.x`, MARKER])}).${bad()}`,
      );
      break;
    case "quantifier":
      q.set(f.text, `eq(${pick(r, ["any", "all", bad()])}).{${bad()}}`);
      break;
    case "is-value":
      q.set(f.text, `is.${pick(r, [bad(), "null", `${MARKER}`])}`);
      break;
    case "in-list":
      q.set(f.text, `in.(${bad()},"${bad()}")`);
      break;
    case "logic-tree":
      q.set(
        "or",
        `(${f.text}.eq.${bad()},${f.id}.${pick(r, ["gt.1", bad()])},not.and(${f.text}.like.${bad()},${f.text}.eq."${bad()}"))`,
      );
      break;
    case "columns":
      req.method = "POST";
      q.set("columns", pick(r, [`${f.text},"${bad()}"`, f.text]));
      req.body = JSON.stringify([{ [f.text]: bad() }]);
      break;
    case "on-conflict":
      req.method = "POST";
      req.headers.prefer = "resolution=merge-duplicates";
      q.set("on_conflict", pick(r, [`"${bad()}"`, f.id]));
      req.body = JSON.stringify({ [f.text]: bad() });
      break;
    case "embed-hint":
      q.set(
        "select",
        `*,${f.child}!${pick(r, [JSON.stringify(bad()), f.fkName])}!${pick(r, ["inner", "left", MARKER])}(*)`,
      );
      break;
    case "embed-filter":
      q.set("select", `*,${f.child}(*)`);
      q.set(`${f.child}.${pick(r, [f.id, JSON.stringify(bad())])}`, `eq.${bad()}`);
      q.set(`${f.child}.order`, `${f.id}.desc`);
      q.set(`${pick(r, [f.child, JSON.stringify(bad())])}.limit`, "1");
      break;
    case "rpc-name":
      req.target = "rpc";
      req.method = pick(r, ["GET", "POST"]);
      req.rpcName = bad();
      req.body = req.method === "POST" ? "{}" : null;
      break;
    case "rpc-args": {
      req.target = "rpc";
      req.method = pick(r, ["GET", "POST"]);
      const variadic = r() < 0.5;
      if (variadic) req.rpcName = f.rpcVariadic.name;
      const arg = variadic ? f.rpcVariadic.arg : f.rpcArg;
      // Repeated names: a variadic argument's array, else the last value.
      const pairs = [
        [arg, bad()],
        [pick(r, [arg, bad()]), bad()],
        [arg, bad()],
      ];
      if (req.method === "GET") for (const [k, v] of pairs) q.append(k ?? "", v ?? "");
      else if (r() < 0.3) {
        req.headers["content-type"] = "application/x-www-form-urlencoded";
        req.body = new URLSearchParams(pairs as [string, string][]).toString();
      } else {
        const row = () => ({ [pick(r, [arg, bad(), ""])]: pick(r, [bad(), [bad(), bad()]]) }); // "" names an unnamed argument
        req.body = JSON.stringify(pick(r, [row(), [row(), row()], [row(), bad()]]));
      }
      break;
    }
    case "aggregate":
      // Only the five function names parse; the casts after them are type names like any cast.
      q.set(
        "select",
        `${f.id}.${pick(r, ["sum", "avg", "max", bad()])}()::${bad()},${pick(r, ["count()", "x:count()"])}::${bad()},${f.child}(${f.id}.min(),count())`,
      );
      break;
    case "prefer":
      req.method = pick(r, ["GET", "POST"]);
      req.headers.prefer = `return=${bad()}, count=${pick(r, ["exact", bad()])}, missing=${bad()}, ${bad()}=${bad()}, timezone=${bad()}, handling=${pick(r, ["strict", "lenient", bad()])}`;
      if (req.method === "POST") req.body = JSON.stringify({ [f.text]: "x" });
      break;
    case "range":
      req.headers.range = pick(r, [`0-${bad()}`, `${bad()}-1`, "items=0-1", `0-1${bad()}`]);
      break;
    case "profile":
      req.headers["accept-profile"] = bad();
      break;
    case "body-keys":
      req.method = pick(r, ["POST", "PATCH"]);
      if (req.method === "PATCH") q.set(f.id, "eq.1");
      req.body = JSON.stringify({ [bad()]: bad(), [f.text]: bad() });
      break;
    case "media":
      // EXPLAIN options and `for=` pick fixed words; the rest of the header never reaches SQL.
      req.method = pick(r, ["GET", "POST"]);
      req.headers.accept = pick(r, [
        `application/vnd.pgrst.plan+${pick(r, ["json", "text", bad()])}; for="${pick(r, ["text/csv", "application/json", bad()])}"; options=${pick(r, ["analyze", "verbose|settings", bad()])}|${bad()}`,
        `application/vnd.pgrst.plan; options=${bad()}`,
        `text/csv;${bad()}`,
        `${bad()}, text/csv`,
      ]);
      req.headers.prefer = `count=${pick(r, ["planned", "estimated", bad()])}`;
      if (req.method === "POST") req.body = JSON.stringify({ [f.text]: bad() });
      break;
    case "content-type":
      // CSV header names and form keys are column names (the schema cache checks them); values and raw
      // bodies are parameters.
      req.method = "POST";
      req.target = pick(r, ["table", "rpc"]);
      req.headers["content-type"] = pick(r, [
        "text/csv",
        "application/x-www-form-urlencoded",
        "text/plain",
        "text/xml",
        "application/octet-stream",
      ]);
      req.body = pick(r, [
        `${f.text},"${bad().replace(/"/g, '""')}"\n"${bad().replace(/"/g, '""')}",NULL`,
        `${f.text}\n"${bad().replace(/"/g, '""')}"`,
        `${f.text}=${encodeURIComponent(bad())}&${encodeURIComponent(bad())}=1`,
        bad(),
      ]);
      break;
  }
  return req;
}

export const INJECTION_CLASSES: readonly InjectionClass[] = [
  "cast",
  "json-path",
  "alias",
  "order",
  "related-order",
  "operator",
  "filter-value",
  "fts-config",
  "quantifier",
  "is-value",
  "in-list",
  "logic-tree",
  "columns",
  "on-conflict",
  "embed-hint",
  "embed-filter",
  "rpc-name",
  "rpc-args",
  "aggregate",
  "prefer",
  "range",
  "profile",
  "body-keys",
  "media",
  "content-type",
];
