/**
 * Where the throwaway test stack lives (scripts/with-test-stack.ts): its ports, state dir and config
 * overlay. The faults e2e spec uses the same values to stop and restart that stack mid-test.
 */
import path from "node:path";
import { REPO_ROOT } from "../../supabase/local/config";

export const TEST_ENV = {
  SUPABASE_API_PORT: "55321",
  SUPABASE_DB_PORT: "55322",
  SUPABASE_INBUCKET_PORT: "55324",
  SUPABASE_LOCAL_DIR: path.join(REPO_ROOT, ".supabase-test"),
  SUPABASE_CONFIG_OVERLAY: path.join(REPO_ROOT, "supabase", "local", "test.config.toml"),
  // Tests count the requests the app makes to the stack (e.g. none to Auth for a signed-in render).
  SUPABASE_ACCESS_LOG: path.join(REPO_ROOT, ".supabase-test", "access.log"),
};
