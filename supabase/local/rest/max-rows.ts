/**
 * db-max-rows as PostgREST resolves it: the in-database `pgrst.db_max_rows` (a migration's `alter
 * role authenticator set pgrst.db_max_rows = '…'`) overrides the stack's `[api] max_rows`, which the
 * CLI hands PostgREST as its environment. A value that is not a whole number leaves reads uncapped:
 * PostgREST's reader drops it, and the in-database value has already replaced the environment's.
 */
export function maxRowsFor(config: Map<string, string>, configured: number): number | null {
  const value = config.get("db_max_rows");
  if (value === undefined) return configured;
  return /^\s*\d+\s*$/.test(value) ? Number(value) : null;
}
