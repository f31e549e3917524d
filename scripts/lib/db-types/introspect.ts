/**
 * Reads the generator's Catalog from pg_catalog. The queries follow postgres-meta's (which
 * `supabase gen types` runs), reduced to the facts the TypeScript output depends on.
 */
import type pg from "pg";
import type { Catalog, Column, DbFunction, PgType, Relation, Relationship } from "./catalog";

const RELATIONS_SQL = `
select c.oid::text as id, n.nspname as schema, c.relname as name,
  case c.relkind when 'v' then 'view' when 'm' then 'materialized_view' when 'f' then 'foreign_table'
    else 'table' end as kind,
  c.relkind = 'v' and (pg_relation_is_updatable(c.oid, true) & 8) = 8 as "isInsertEnabled",
  c.relkind = 'v' and (pg_relation_is_updatable(c.oid, true) & 4) = 4 as "isUpdateEnabled"
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = any ($1) and c.relkind in ('r', 'p', 'f', 'v', 'm')`;

// Domains are replaced by their base type; nullability also honours a domain's NOT NULL.
const COLUMNS_SQL = `
select c.oid::text as "relationId", a.attname as name, coalesce(bt.typname, t.typname) as format,
  coalesce(nbt.nspname, nt.nspname) as "typeSchema",
  not (a.attnotnull or (t.typtype = 'd' and t.typnotnull)) as "isNullable",
  a.atthasdef as "hasDefault",
  a.attidentity in ('a', 'd') as "isIdentity",
  a.attidentity = 'a' as "identityAlways",
  a.attgenerated in ('s', 'v') as "isGenerated",
  -- INSTEAD OF triggers or unconditional INSTEAD rules make every column of a view writable.
  (c.relkind in ('r', 'p') or (c.relkind in ('v', 'f') and (
    pg_column_is_updatable(c.oid, a.attnum, false)
    or exists (select 1 from pg_trigger tg where tg.tgrelid = c.oid and tg.tgtype & 64 <> 0
      and tg.tgtype & 20 <> 0 and not tg.tgisinternal)
    or exists (select 1 from pg_rewrite rw where rw.ev_class = c.oid and rw.is_instead
      and rw.ev_type in ('2', '3') and rw.ev_qual::text = '<>')))) as "isUpdatable"
from pg_attribute a
join pg_class c on c.oid = a.attrelid
join pg_namespace n on n.oid = c.relnamespace
join pg_type t on t.oid = a.atttypid
join pg_namespace nt on nt.oid = t.typnamespace
left join pg_type bt on t.typtype = 'd' and bt.oid = t.typbasetype
left join pg_namespace nbt on nbt.oid = bt.typnamespace
where n.nspname = any ($1) and c.relkind in ('r', 'p', 'f', 'v', 'm')
  and a.attnum > 0 and not a.attisdropped`;

// One-to-one when the referencing columns are exactly a primary key or unique constraint.
const RELATIONSHIPS_SQL = `
select k.conname as "foreignKeyName", n1.nspname as schema, tab.relname as relation,
  cols.cols as columns, n2.nspname as "referencedSchema", other.relname as "referencedRelation",
  cols.refs as "referencedColumns",
  exists (
    select 1 from pg_constraint u
    where u.conrelid = k.conrelid and u.contype in ('p', 'u')
      and (select array_agg(a.attname::text order by a.attnum) from unnest(u.conkey) as col
           join pg_attribute a on a.attrelid = u.conrelid and a.attnum = col) = cols.cols
  ) as "isOneToOne"
from pg_constraint k
join pg_namespace n1 on n1.oid = k.connamespace
join pg_class tab on tab.oid = k.conrelid
join pg_class other on other.oid = k.confrelid
join pg_namespace n2 on n2.oid = other.relnamespace
cross join lateral (
  select array_agg(ca.attname::text order by ord) as cols, array_agg(ra.attname::text order by ord) as refs
  from unnest(k.conkey, k.confkey) with ordinality as _ (col, ref, ord)
  join pg_attribute ca on ca.attrelid = k.conrelid and ca.attnum = col
  join pg_attribute ra on ra.attrelid = k.confrelid and ra.attnum = ref
) as cols
where k.contype = 'f' and k.conparentid = 0 and n1.nspname = any ($1)`;

// Plain functions (not procedures or aggregates); trigger functions cannot be called over the API.
const FUNCTIONS_SQL = `
with f as (
  select p.*,
    coalesce(p.proargmodes::text[], array_fill('i'::text, array[cardinality(coalesce(p.proallargtypes, p.proargtypes))]))
      as arg_modes,
    coalesce(p.proargnames, array_fill(''::text, array[cardinality(coalesce(p.proallargtypes, p.proargtypes))]))
      as arg_names,
    coalesce(p.proallargtypes, p.proargtypes::oid[]) as arg_types
  from pg_proc p
  join pg_namespace n on n.oid = p.pronamespace
  where n.nspname = any ($1) and p.prokind = 'f'
    and p.prorettype not in ('trigger'::regtype, 'event_trigger'::regtype)
)
select n.nspname as schema, f.proname as name,
  coalesce((
    select json_agg(json_build_object(
      'mode', case a.mode when 'i' then 'in' when 'o' then 'out' when 'b' then 'inout' when 'v' then 'variadic'
        else 'table' end,
      'name', a.name, 'typeId', a.type::text,
      -- Defaults belong to the last pronargdefaults input arguments.
      'hasDefault', a.mode in ('i', 'b', 'v') and (
        select count(*) from unnest(f.arg_modes) with ordinality as m (mode, pos)
        where m.mode in ('i', 'b', 'v') and m.pos > a.pos) < f.pronargdefaults
    ) order by a.pos)
    from unnest(f.arg_modes, f.arg_names, f.arg_types) with ordinality as a (mode, name, type, pos)
  ), '[]') as args,
  pg_get_function_arguments(f.oid) as "argumentTypes",
  pg_get_function_result(f.oid) as "returnType",
  f.prorettype::text as "returnTypeId",
  nullif(rt.typrelid, 0)::text as "returnTypeRelationId",
  f.proretset as "isSetReturning",
  case when f.proretset then nullif(f.prorows, 0)::float8 end as rows
from f
join pg_namespace n on n.oid = f.pronamespace
left join pg_type rt on rt.oid = f.prorettype`;

// Every type, like the CLI (it needs enums of other schemas and row types for embedded functions).
const TYPES_SQL = `
select t.oid::text as id, t.typname as name, n.nspname as schema, format_type(t.oid, null) as format,
  coalesce((select json_agg(e.enumlabel order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid), '[]')
    as enums,
  coalesce((
    select json_agg(json_build_object('name', a.attname, 'typeId', a.atttypid::text) order by a.attnum)
    from pg_class c join pg_attribute a on a.attrelid = c.oid
    where c.oid = t.typrelid and c.relkind = 'c' and a.attnum > 0 and not a.attisdropped
  ), '[]') as attributes,
  nullif(t.typrelid, 0)::text as "typeRelationId"
from pg_type t
join pg_namespace n on n.oid = t.typnamespace
where t.typrelid = 0 or (select c.relkind from pg_class c where c.oid = t.typrelid) in ('c', 'r', 'v', 'm', 'p')`;

/** Reads everything the generator needs for `schemas` (missing schemas are dropped). */
export async function introspect(client: pg.ClientBase, schemas: readonly string[]): Promise<Catalog> {
  const existing = await client.query<{ name: string }>(
    "select nspname as name from pg_namespace where nspname = any ($1)",
    [schemas],
  );
  const present = schemas.filter((schema) => existing.rows.some((row) => row.name === schema));
  // One query at a time: a pg client does not run queries concurrently anyway.
  const relations = await client.query<Relation>(RELATIONS_SQL, [present]);
  const columns = await client.query<Column>(COLUMNS_SQL, [present]);
  const relationships = await client.query<Relationship>(RELATIONSHIPS_SQL, [present]);
  const functions = await client.query<DbFunction>(FUNCTIONS_SQL, [present]);
  const types = await client.query<PgType>(TYPES_SQL);
  return {
    schemas: present,
    relations: relations.rows,
    columns: columns.rows,
    relationships: relationships.rows,
    functions: functions.rows,
    types: types.rows,
  };
}
