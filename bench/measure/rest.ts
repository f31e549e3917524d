/**
 * The REST API at fixed concurrency: each worker is its own signed-in user reading and updating its own
 * profile by key (GET …?user_id=eq.<id>&select=*, PATCH …?user_id=eq.<id>) with its JWT, for a fixed
 * duration, over raw keep-alive HTTP — the server is what is measured, not supabase-js.
 */
import type { Session } from "@supabase/supabase-js";
import { metered, type Probe } from "../lib/cpu";
import { keepAliveAgent, request } from "../lib/http";
import { runFor, throughput, type LoadResult } from "../lib/load";
import type { Stack } from "../lib/stack";
import { percentile } from "../lib/stats";

export interface RestFigures {
  rps: number;
  p99_ms: number;
}

function summarize(result: LoadResult, what: string): RestFigures {
  if (result.failed > 0) throw new Error(`${what}: ${result.failed} requests failed: ${result.errors.join("; ")}`);
  return { rps: throughput(result), p99_ms: percentile(result.latencies, 99) };
}

export async function measureRest(
  stack: Stack,
  sessions: Session[],
  durationMs: number,
  probe: Probe,
): Promise<{ get: RestFigures; patch: RestFigures }> {
  const agent = keepAliveAgent(sessions.length);
  const headersOf = (session: Session) => ({
    apikey: stack.anonKey,
    authorization: `Bearer ${session.access_token}`,
    accept: "application/json",
  });
  const urlOf = (session: Session, select: boolean) => {
    const url = new URL(`${stack.apiUrl}/rest/v1/user_profiles`);
    url.searchParams.set("user_id", `eq.${session.user.id}`);
    if (select) url.searchParams.set("select", "*");
    return url;
  };
  const session = (worker: number): Session => {
    const found = sessions[worker];
    if (!found) throw new Error(`no session for worker ${worker}`);
    return found;
  };

  // Correctness before speed: each user sees exactly their own row.
  for (const s of sessions) {
    const res = await request(agent, "GET", urlOf(s, true), headersOf(s));
    const rows = JSON.parse(res.body) as { user_id?: string }[];
    if (res.status !== 200 || rows.length !== 1 || rows[0]?.user_id !== s.user.id) {
      throw new Error(`REST GET own profile: ${res.status} ${res.body.slice(0, 200)}`);
    }
  }

  const concurrency = sessions.length;
  const get = await metered(probe, "REST GET", () =>
    runFor(durationMs, concurrency, async (_, worker) => {
      const s = session(worker);
      const res = await request(agent, "GET", urlOf(s, true), headersOf(s));
      if (res.status !== 200) throw new Error(`GET ${res.status} ${res.body.slice(0, 200)}`);
    }),
  );
  const patch = await metered(probe, "REST PATCH", () =>
    runFor(durationMs, concurrency, async (i, worker) => {
      const s = session(worker);
      const headers = { ...headersOf(s), "content-type": "application/json", prefer: "return=minimal" };
      const body = JSON.stringify({ years_of_experience: i % 40 });
      const res = await request(agent, "PATCH", urlOf(s, false), headers, body);
      if (res.status !== 204) throw new Error(`PATCH ${res.status} ${res.body.slice(0, 200)}`);
    }),
  );
  agent.destroy();
  return { get: summarize(get, "REST GET"), patch: summarize(patch, "REST PATCH") };
}
