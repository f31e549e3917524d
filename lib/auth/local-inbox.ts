/**
 * The local stack's mail inbox, linked from "check your email" so a developer can open the mail. Only
 * when the app talks to a loopback Supabase (never in production). The URL is INBUCKET_URL when the
 * environment names it (`npm run supabase:status -- -o env` prints it), otherwise the API port + 3 on
 * the same host — the Supabase CLI's layout (API 54321, inbox 54324).
 */
const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;

export function localInboxUrl(supabaseUrl: string | undefined, inbucketUrl: string | undefined): string | null {
  if (!supabaseUrl) return null;
  let api: URL;
  try {
    api = new URL(supabaseUrl);
  } catch {
    return null;
  }
  if (!LOOPBACK.test(api.hostname)) return null;
  if (inbucketUrl) {
    try {
      const inbox = new URL(inbucketUrl);
      if (LOOPBACK.test(inbox.hostname)) return inbox.origin;
    } catch {
      // fall through to the derived port
    }
  }
  const apiPort = Number(api.port || (api.protocol === "https:" ? 443 : 80));
  return `${api.protocol}//${api.hostname}:${apiPort + 3}`;
}
