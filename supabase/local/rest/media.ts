/**
 * Content negotiation (pure), as PostgREST does it: the `Accept` list is ordered by quality, then by
 * specificity (parameters minus wildcards), and the first media type this service can produce wins;
 * none → 406 PGRST107 naming them all. The result says how the body is aggregated (JSON array,
 * one object, CSV) and, for `application/vnd.pgrst.plan`, how the statement is explained. Only
 * fixed words leave this module: the client's text never reaches SQL.
 */
import { ParseError } from "./errors";

export const PLAN_OPTIONS = ["analyze", "verbose", "settings", "buffers", "wal"] as const;
export type PlanOption = (typeof PLAN_OPTIONS)[number];

/** How rows become the body. */
export interface Output {
  format: "json" | "csv";
  singular: boolean;
  stripNulls: boolean;
}

export interface Explain {
  format: "json" | "text";
  /** In PostgREST's order, whatever order the client wrote them in. */
  options: PlanOption[];
}

export interface Media extends Output {
  /** `application/vnd.pgrst.plan`: answer the plan of the statement that would produce `Output`. */
  explain?: Explain;
  /** The Content-Type of the answer (without charset). */
  mime: string;
}

type Decoded =
  | { kind: "output"; output: Output; mime: string }
  | { kind: "plan"; explain: Explain; inner: Decoded }
  | { kind: "any" }
  | { kind: "openapi" }
  | { kind: "other"; mime: string };

const JSON_OUT: Output = { format: "json", singular: false, stripNulls: false };

/** `type/subtype; key=value; key="quoted"` → lower-cased type and parameters (PostgREST's tokenizer, leniently). */
function tokenize(text: string): { type: string; params: Map<string, string> } {
  const [type = "", ...rest] = splitParams(text);
  const params = new Map<string, string>();
  for (const part of rest) {
    const at = part.indexOf("=");
    if (at <= 0) continue;
    const key = part.slice(0, at).trim().toLowerCase();
    const value = part.slice(at + 1).trim();
    params.set(key, value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value);
  }
  return { type: type.trim().toLowerCase(), params };
}

/** Splits on `;` outside double quotes (`for="…"` holds a media type). */
function splitParams(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === ";" && !quoted) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts;
}

function decode(text: string, nested = false): Decoded {
  const { type, params } = tokenize(text);
  const stripped = params.get("nulls") === "stripped";
  switch (type) {
    case "application/json":
      return { kind: "output", output: JSON_OUT, mime: "application/json" };
    case "text/csv":
      return { kind: "output", output: { ...JSON_OUT, format: "csv" }, mime: "text/csv" };
    case "application/vnd.pgrst.object+json":
    case "application/vnd.pgrst.object":
      return {
        kind: "output",
        output: { ...JSON_OUT, singular: true, stripNulls: stripped },
        mime: `application/vnd.pgrst.object+json${stripped ? ";nulls=stripped" : ""}`,
      };
    case "application/vnd.pgrst.array+json":
    case "application/vnd.pgrst.array":
      return stripped
        ? {
            kind: "output",
            output: { ...JSON_OUT, stripNulls: true },
            mime: "application/vnd.pgrst.array+json;nulls=stripped",
          }
        : { kind: "output", output: JSON_OUT, mime: "application/json" };
    case "application/vnd.pgrst.plan":
    case "application/vnd.pgrst.plan+text":
    case "application/vnd.pgrst.plan+json": {
      if (nested) return { kind: "other", mime: text };
      const written = (params.get("options") ?? "").split("|");
      const explain: Explain = {
        format: type.endsWith("+json") ? "json" : "text",
        options: PLAN_OPTIONS.filter((o) => written.includes(o)),
      };
      return { kind: "plan", explain, inner: decode(params.get("for") ?? "application/json", true) };
    }
    case "*/*":
      return { kind: "any" };
    case "application/openapi+json":
      return { kind: "openapi" };
    default:
      return { kind: "other", mime: KNOWN.get(type) ?? text };
  }
}

/** Types PostgREST knows but this service does not produce here: named as PostgREST names them. */
const KNOWN = new Map(
  [
    "application/geo+json",
    "text/plain",
    "text/xml",
    "application/x-www-form-urlencoded",
    "application/octet-stream",
  ].map((t) => [t, t]),
);

function mimeOf(decoded: Decoded): string {
  switch (decoded.kind) {
    case "output":
      return decoded.mime;
    case "any":
      return "*/*";
    case "openapi":
      return "application/openapi+json";
    case "other":
      return decoded.mime;
    case "plan": {
      const { format, options } = decoded.explain;
      const opts = options.length > 0 ? `; options=${options.join("|")}` : "";
      return `application/vnd.pgrst.plan+${format}; for="${mimeOf(decoded.inner)}"${opts}`;
    }
  }
}

/** wai's `parseHttpAccept`: spaces dropped, `;q=` read and cut, sorted by quality then specificity. */
export function acceptList(header: string): string[] {
  const ranked = header.split(",").map((raw, index) => {
    const text = raw.replace(/ /g, "");
    const at = text.indexOf(";q=");
    const quality = at < 0 ? 1 : Number.parseFloat(text.slice(at + 3).split(";")[0] ?? "");
    const type = at < 0 ? text : text.slice(0, at);
    const specificity = (type.match(/;/g)?.length ?? 0) - (type.match(/\*/g)?.length ?? 0);
    return { type, quality: Number.isNaN(quality) ? 1 : quality, specificity, index };
  });
  ranked.sort((a, b) => b.quality - a.quality || b.specificity - a.specificity || a.index - b.index);
  return ranked.map((r) => r.type);
}

export interface Negotiation {
  /** `GET /`: the OpenAPI document is a choice too. */
  root: boolean;
  /** `pgrst.db_plan_enabled`: off (hosted's default), the plan media type is not available. */
  planEnabled: boolean;
}

function produce(decoded: Decoded, how: Negotiation): Media | undefined {
  if (decoded.kind === "output") return { ...decoded.output, mime: decoded.mime };
  if (decoded.kind === "any") return { ...JSON_OUT, mime: "application/json" };
  if (decoded.kind === "openapi" && how.root) return { ...JSON_OUT, mime: "application/openapi+json" };
  if (decoded.kind === "plan" && how.planEnabled) {
    const inner = produce(decoded.inner, { ...how, root: false });
    return inner && { ...inner, explain: decoded.explain, mime: mimeOf(decoded) };
  }
  return undefined;
}

export function negotiate(accept: string | undefined, how: Negotiation): Media {
  if (accept === undefined || accept.trim() === "") return { ...JSON_OUT, mime: "application/json" };
  const decoded = acceptList(accept).map((text) => decode(text));
  for (const candidate of decoded) {
    const media = produce(candidate, how);
    if (media) return media;
  }
  throw new ParseError(406, "PGRST107", `None of these media types are available: ${decoded.map(mimeOf).join(", ")}`);
}
