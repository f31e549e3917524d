/** Catalog queries behind the schema cache; each takes the exposed schemas as $1. */
export const TABLES_SQL = `
select n.nspname as schema, c.relname as name, c.relkind::text as kind, c.oid::int8 as oid,
       obj_description(c.oid, 'pg_class') as description,
       (select r.ev_action::text from pg_rewrite r where r.ev_class = c.oid and r.rulename = '_RETURN') as view_query,
       coalesce(array_agg(a.attnum::int order by a.attnum) filter (where a.attnum is not null), '{}') as attnums,
       coalesce(json_agg(json_build_object(
         'name', a.attname, 'type', format_type(a.atttypid, a.atttypmod), 'notNull', a.attnotnull,
         'default', case when a.attidentity <> ''
                    then format('nextval(%L::regclass)', pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname))
                    else pg_get_expr(d.adbin, d.adrelid) end,
         'generated', a.attgenerated <> ''
       ) order by a.attnum) filter (where a.attnum is not null), '[]') as columns
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
  left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
 where c.relkind in ('r', 'v', 'm', 'f', 'p') and n.nspname = any($1)
 group by n.nspname, c.relname, c.relkind, c.oid`;

/** Keys of the exposed tables, and those of any table an exposed view reads (a view inherits them). */
export const CONSTRAINTS_SQL = `
with viewed as (
  select d.refobjid as oid
    from pg_depend d
    join pg_rewrite r on r.oid = d.objid and d.classid = 'pg_rewrite'::regclass
    join pg_class v on v.oid = r.ev_class
    join pg_namespace vn on vn.oid = v.relnamespace
   where vn.nspname = any($1) and d.refclassid = 'pg_class'::regclass
)
select con.conname as name, con.contype::text as type, n.nspname as schema, c.relname as table,
       con.conrelid::int8 as relid, con.conkey::int[] as keys, con.confrelid::int8 as ref_relid,
       coalesce(con.confkey::int[], '{}') as ref_keys,
       array(select a.attname::text from unnest(con.conkey) with ordinality k(num, ord)
               join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord) as columns,
       fn.nspname as ref_schema, fc.relname as ref_table,
       array(select a.attname::text from unnest(con.confkey) with ordinality k(num, ord)
               join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord) as ref_columns
  from pg_constraint con
  join pg_class c on c.oid = con.conrelid
  join pg_namespace n on n.oid = c.relnamespace
  left join pg_class fc on fc.oid = con.confrelid
  left join pg_namespace fn on fn.oid = fc.relnamespace
 where con.contype in ('p', 'u', 'f')
   and (n.nspname = any($1) or fn.nspname = any($1) or con.conrelid in (select viewed.oid from viewed)
        or con.confrelid in (select viewed.oid from viewed))
 order by con.conname`;

export const FUNCTIONS_SQL = `
select n.nspname as schema, p.proname as name, p.provolatile::text as volatility, p.proretset as returns_set,
       format_type(p.prorettype, null) as return_type, t.typtype::text as typtype,
       rn.nspname as ret_schema, rc.relname as ret_table, p.pronargs as nargs, p.prorows as rows, p.pronargdefaults as ndefaults,
       coalesce(p.proargnames, '{}') as arg_names, coalesce(p.proargmodes::text[], '{}') as arg_modes,
       array(select format_type(x, null) from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[]))
               with ordinality u(x, o) order by o) as arg_types,
       p.provariadic <> 0 as variadic, coalesce(p.proconfig, '{}') as config,
       obj_description(p.oid, 'pg_proc') as description,
       an.nspname as arg_schema, ac.relname as arg_table,
       coalesce((select json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
                  'notNull', false, 'default', null, 'generated', false) order by a.attnum)
                   from pg_attribute a where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped), '[]') as type_columns
  from pg_proc p
  join pg_namespace n on n.oid = p.pronamespace
  join pg_type t on t.oid = p.prorettype
  left join pg_class rc on rc.oid = t.typrelid
  left join pg_namespace rn on rn.oid = rc.relnamespace
  left join pg_type argt on p.pronargs = 1 and argt.oid = p.proargtypes[0]
  left join pg_class ac on ac.oid = argt.typrelid
  left join pg_namespace an on an.oid = ac.relnamespace
 where n.nspname = any($1) and p.prokind = 'f' and p.prorettype <> 'trigger'::regtype`;

export const ROLE_SETTINGS_SQL = `
select r.rolname as role, s.setconfig as settings
  from pg_db_role_setting s
  join pg_roles r on r.oid = s.setrole
 where s.setdatabase in (0, (select oid from pg_database where datname = current_database()))
 order by s.setdatabase`;
