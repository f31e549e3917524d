/**
 * The `Functions` part of a schema: which functions PostgREST can call (and so get a type), their
 * `{ Args; Returns }` signatures, overloads as unions, and `SetofOptions` for functions returning
 * rows of a table — by the Supabase CLI's rules. Not reproduced: the CLI's "could not choose the
 * best candidate" error types for ambiguous overloads (documented in docs/database.md).
 */
import { byName, type Catalog, type DbFunction, type FunctionArg, type Relation } from "./catalog";
import { columnProperty, nullable, objectType, typeIdToTs, type TypeContext } from "./pg-to-ts";

/** json, jsonb, text: the only types PostgREST accepts for a single unnamed argument. */
const UNNAMED_ARG_TYPES = new Set(["114", "3802", "25"]);
const INPUT_MODES = new Set(["in", "inout", "variadic"]);

export interface CallableFunction {
  fn: DbFunction;
  inArgs: FunctionArg[];
}

export class FunctionRenderer {
  private readonly relationNames: Map<string, string>;

  constructor(
    private readonly catalog: Catalog,
    private readonly ctx: TypeContext,
  ) {
    this.relationNames = new Map(catalog.relations.map((relation) => [relation.id, relation.name]));
  }

  private relationType(typeId: string) {
    const type = this.ctx.typesById.get(typeId);
    return type?.typeRelationId ? type : undefined;
  }

  /** The table/view (or composite type) a function's rows come from, if any. */
  private returnTableName(fn: DbFunction): string | null {
    if (!fn.returnTypeRelationId) return null;
    return this.relationNames.get(fn.returnTypeRelationId) ?? this.relationType(fn.returnTypeId)?.name ?? null;
  }

  /** Functions of `schema` PostgREST can call, sorted by name, arguments sorted by name. */
  callable(schema: string): CallableFunction[] {
    const result: CallableFunction[] = [];
    for (const fn of this.catalog.functions.filter((candidate) => candidate.schema === schema)) {
      const args = [...fn.args].sort((a, b) => byName(a.name, b.name));
      const inArgs = args.filter((arg) => INPUT_MODES.has(arg.mode));
      const single = inArgs.length === 1 && inArgs[0]?.name === "" ? inArgs[0] : undefined;
      const callable =
        inArgs.length === 0 ||
        inArgs.every((arg) => arg.name !== "" || (arg.hasDefault && UNNAMED_ARG_TYPES.has(arg.typeId))) ||
        (single !== undefined && (UNNAMED_ARG_TYPES.has(single.typeId) || this.relationType(single.typeId)));
      if (callable) result.push({ fn: { ...fn, args }, inArgs });
    }
    return result.sort((a, b) => byName(a.fn.name, b.fn.name));
  }

  /** The result type before set/`SetofOptions` handling. */
  returnType(schema: string, fn: DbFunction): string {
    const tableArgs = fn.args.filter((arg) => arg.mode === "table");
    if (tableArgs.length > 0) {
      return objectType(
        tableArgs.map((arg) => `${JSON.stringify(arg.name)}: ${typeIdToTs(schema, arg.typeId, this.ctx)}`),
      );
    }
    // Returning a table's or view's row type (same schema): its columns.
    const relation = this.catalog.relations.find(
      (candidate) => candidate.id === fn.returnTypeRelationId && candidate.schema === schema,
    );
    if (relation) {
      const columns = this.ctx.columnsByRelation.get(relation.id) ?? [];
      return objectType(columns.map((column) => columnProperty(schema, column, false, this.ctx)));
    }
    return typeIdToTs(schema, fn.returnTypeId, this.ctx);
  }

  private setofOptions(fn: DbFunction, tableName: string | null, multipleRows: boolean): string {
    let options: [string, string, boolean, boolean] | null = tableName
      ? ["*", tableName, !multipleRows, fn.isSetReturning]
      : null;
    const source = fn.args.length === 1 && fn.args[0] ? this.relationType(fn.args[0].typeId) : undefined;
    if (source && tableName) {
      const setOfTable = fn.isSetReturning && fn.returnTypeRelationId !== null;
      options = setOfTable ? [source.format, tableName, !multipleRows, true] : [source.format, tableName, true, false];
    }
    if (!options) return "";
    const [from, to, isOneToOne, isSetofReturn] = options;
    const fields = [
      `from: ${JSON.stringify(from)}`,
      `to: ${JSON.stringify(to)}`,
      `isOneToOne: ${isOneToOne}`,
      `isSetofReturn: ${isSetofReturn}`,
    ];
    return `\nSetofOptions: ${objectType(fields)}`;
  }

  /** `Returns: …` plus `SetofOptions` when the rows are a table's. */
  private fullReturn(schema: string, fn: DbFunction, base: string): string {
    const tableName = this.returnTableName(fn);
    const multipleRows = fn.rows !== null && fn.rows > 1;
    // A ROWS 1 estimate collapses the array only with SetofOptions present (postgrest-js restores it).
    const collapsible = !multipleRows && tableName !== null;
    const array = fn.isSetReturning && !collapsible ? "[]" : "";
    return `${base}${array}${this.setofOptions(fn, tableName, multipleRows)}`;
  }

  private argsType(schema: string, inArgs: FunctionArg[]): string {
    // Not `never`: postgrest-js would read `Args extends { "": Row }` as a computed field.
    if (inArgs.length === 0) return "Record<PropertyKey, never>";
    const fields = inArgs.map(
      (arg) => `${JSON.stringify(arg.name)}${arg.hasDefault ? "?" : ""}: ${typeIdToTs(schema, arg.typeId, this.ctx)}`,
    );
    return `{ ${fields.join("; ")} }`;
  }

  private signature(schema: string, { fn, inArgs }: CallableFunction): string {
    const args = this.argsType(schema, inArgs);
    const single = inArgs.length === 1 && inArgs[0]?.name === "" ? inArgs[0] : undefined;
    // A single unnamed row-type argument without a matching table: PostgREST cannot call it.
    if (single && this.relationType(single.typeId) && !this.returnTableName(fn)) {
      const message = `the function ${schema}.${fn.name} with parameter or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache`;
      return `{ Args: ${args}; Returns: { error: true } & ${JSON.stringify(message)} }`;
    }
    return `{ Args: ${args}; Returns: ${this.fullReturn(schema, fn, this.returnType(schema, fn))} }`;
  }

  /** The body of `Functions: { … }` for a schema. */
  render(schema: string): string {
    const groups = new Map<string, CallableFunction[]>();
    for (const entry of this.callable(schema)) groups.set(entry.fn.name, [...(groups.get(entry.fn.name) ?? []), entry]);
    if (groups.size === 0) return "[_ in never]: never";
    return [...groups]
      .map(([name, overloads]) => {
        overloads.sort(
          (a, b) => byName(a.fn.argumentTypes, b.fn.argumentTypes) || byName(a.fn.returnType, b.fn.returnType),
        );
        return `${JSON.stringify(name)}: ${overloads.map((entry) => this.signature(schema, entry)).join(" | ")}`;
      })
      .join("\n");
  }

  /** Computed fields: functions taking exactly one row of `relation` appear in its Row. */
  computedFields(relation: Relation): string[] {
    return this.callable(relation.schema)
      .filter(({ fn, inArgs }) => {
        const argType = inArgs.length === 1 && inArgs[0] ? this.relationType(inArgs[0].typeId) : undefined;
        return argType ? argType.typeRelationId === relation.id : fn.argumentTypes === relation.name;
      })
      .map(({ fn }) => `${JSON.stringify(fn.name)}: ${nullable(this.returnType(relation.schema, fn), true)}`);
  }
}
