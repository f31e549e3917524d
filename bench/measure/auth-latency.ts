/**
 * Signup and sign-in latency through the unmodified supabase-js, one request at a time (sequential, so
 * the figure is the cost of one request, not of queueing). Signup runs with the stack's production
 * settings (email confirmation on: the user row, its profile via the trigger, the confirmation mail).
 */
import { metered, type Probe } from "../lib/cpu";
import { runCount } from "../lib/load";
import type { Stack } from "../lib/stack";
import { percentile } from "../lib/stats";
import { anonClient, createConfirmedUser, emailFor, PASSWORD } from "../lib/users";

export interface AuthLatency {
  signup_p50_ms: number;
  signup_p95_ms: number;
  signin_p50_ms: number;
  signin_p95_ms: number;
}

export async function measureAuthLatency(stack: Stack, n: number, probe: Probe): Promise<AuthLatency> {
  const client = anonClient(stack);
  // Warm-up: first connections, JIT, Postgres plan caches.
  for (let i = 0; i < 3; i++) {
    const { error } = await client.auth.signUp({ email: emailFor("warm", i), password: PASSWORD });
    if (error) throw new Error(`warm-up signup: ${error.message}`);
  }
  const signups = await metered(probe, "sequential signups", () =>
    runCount(n, 1, async (i) => {
      const { error } = await client.auth.signUp({ email: emailFor("seq", i), password: PASSWORD });
      if (error) throw new Error(`signup: ${error.message}`);
    }),
  );
  if (signups.failed > 0) throw new Error(`signups failed: ${signups.errors.join("; ")}`);

  const email = emailFor("signin", 0);
  await createConfirmedUser(stack, email);
  const signins = await metered(probe, "sequential sign-ins", () =>
    runCount(n, 1, async () => {
      const { error } = await anonClient(stack).auth.signInWithPassword({ email, password: PASSWORD });
      if (error) throw new Error(`sign in: ${error.message}`);
    }),
  );
  if (signins.failed > 0) throw new Error(`sign-ins failed: ${signins.errors.join("; ")}`);

  return {
    signup_p50_ms: percentile(signups.latencies, 50),
    signup_p95_ms: percentile(signups.latencies, 95),
    signin_p50_ms: percentile(signins.latencies, 50),
    signin_p95_ms: percentile(signins.latencies, 95),
  };
}
