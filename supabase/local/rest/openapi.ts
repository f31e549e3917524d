/**
 * `GET /` — a Swagger 2.0 description of the exposed tables, views and functions (PostgREST's
 * OpenAPI output, reduced to paths + definitions). Only the service role may read it, as on hosted.
 */
import type { Column, SchemaCache } from "./schema/types";

function property(column: Column): Record<string, unknown> {
  const type = column.type;
  const base = type.replace(/\(.*\)/, "");
  const json = /^(integer|bigint|smallint)$/.test(base)
    ? { type: "integer" }
    : /^(numeric|real|double precision)$/.test(base)
      ? { type: "number" }
      : base === "boolean"
        ? { type: "boolean" }
        : base.endsWith("[]")
          ? { type: "array", items: { type: "string" } }
          : /^jsonb?$/.test(base)
            ? {}
            : { type: "string" };
  return { ...json, format: type, ...(column.default !== null && { default: column.default }) };
}

export function openApiDocument(cache: SchemaCache, schema: string, host: string | undefined): string {
  const paths: Record<string, unknown> = {
    "/": {
      get: {
        produces: ["application/openapi+json", "application/json"],
        responses: { 200: { description: "OK" } },
        summary: "OpenAPI description (this document)",
        tags: ["Introspection"],
      },
    },
  };
  const definitions: Record<string, unknown> = {};
  for (const table of cache.tables.values()) {
    if (table.schema !== schema) continue;
    const columns = [...table.columns.values()];
    definitions[table.name] = {
      type: "object",
      ...(table.description && { description: table.description }),
      required: columns.filter((c) => c.notNull && c.default === null).map((c) => c.name),
      properties: Object.fromEntries(columns.map((c) => [c.name, property(c)])),
    };
    const ok = {
      200: { description: "OK", schema: { type: "array", items: { $ref: `#/definitions/${table.name}` } } },
    };
    const item = { get: { tags: [table.name], responses: ok } } as Record<string, unknown>;
    if (table.kind === "table") {
      item.post = { tags: [table.name], responses: { 201: { description: "Created" } } };
      item.patch = { tags: [table.name], responses: { 204: { description: "No Content" } } };
      item.delete = { tags: [table.name], responses: { 204: { description: "No Content" } } };
    }
    paths[`/${table.name}`] = item;
  }
  for (const overloads of cache.functions.values()) {
    const [fn] = overloads;
    if (!fn || fn.schema !== schema) continue;
    const args = Object.fromEntries(fn.args.map((a) => [a.name, { format: a.type, type: "string" }]));
    paths[`/rpc/${fn.name}`] = {
      post: {
        tags: ["(rpc) " + fn.name],
        parameters: [
          {
            in: "body",
            name: "args",
            required: true,
            schema: {
              type: "object",
              properties: args,
              required: fn.args.filter((a) => !a.hasDefault).map((a) => a.name),
            },
          },
        ],
        responses: { 200: { description: "OK" } },
      },
    };
  }
  return JSON.stringify({
    swagger: "2.0",
    info: { title: "standard public schema", description: "", version: "14.12 (local)" },
    host: host ?? "localhost",
    basePath: "/rest/v1",
    schemes: ["http"],
    consumes: ["application/json", "application/vnd.pgrst.object+json"],
    produces: ["application/json", "application/vnd.pgrst.object+json"],
    paths,
    definitions,
  });
}
