/**
 * Reading whole populations through the service role: every auth user (Auth admin API, page by
 * page) and every profile (PostgREST, range by range — the API caps one response at max_rows).
 */
import type { SupabaseClient, User } from "@supabase/supabase-js";

const PAGE = 1000;

export async function listAllUsers(admin: SupabaseClient): Promise<User[]> {
  const users: User[] = [];
  for (let page = 1; ; page += 1) {
    const { data, error } = await admin.auth.admin.listUsers({ page, perPage: PAGE });
    if (error) throw new Error(`could not list users: ${error.message}`);
    users.push(...data.users);
    if (data.users.length < PAGE) return users;
  }
}

export async function findUserByEmail(admin: SupabaseClient, email: string): Promise<User | null> {
  const wanted = email.trim().toLowerCase();
  return (await listAllUsers(admin)).find((user) => user.email?.toLowerCase() === wanted) ?? null;
}

/** Every row of `table` with the given columns, ordered by `orderBy` so ranges are stable. */
export async function selectAll<Row>(
  admin: SupabaseClient,
  table: string,
  columns: string,
  orderBy: string,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (let from = 0; ; from += PAGE) {
    const { data, error } = await admin
      .from(table)
      .select(columns)
      .order(orderBy)
      .range(from, from + PAGE - 1);
    if (error) throw new Error(`could not read ${table}: ${error.message}`);
    rows.push(...(data as Row[]));
    if (data.length < PAGE) return rows;
  }
}
