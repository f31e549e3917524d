/**
 * Where the conformance suites find the Supabase under test: the local stack that
 * `npm run test:integration` starts, or any real project whose URL and keys are exported.
 */
function need(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through \`npm run test:integration\` or export the stack's env`);
  return value;
}

export const env = {
  get url() {
    return need("SUPABASE_URL");
  },
  get anonKey() {
    return need("SUPABASE_ANON_KEY");
  },
  get serviceRoleKey() {
    return need("SUPABASE_SERVICE_ROLE_KEY");
  },
  get publishableKey() {
    return need("SUPABASE_PUBLISHABLE_KEY");
  },
  get secretKey() {
    return need("SUPABASE_SECRET_KEY");
  },
  get dbUrl() {
    return need("SUPABASE_DB_URL");
  },
  get inbucketUrl() {
    return need("INBUCKET_URL");
  },
};
