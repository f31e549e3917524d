/**
 * The PostgREST-compatible REST service of the local stack (issue 4). Entry point the gateway imports;
 * the stages (parse → plan → sql → execute → respond) live in sibling modules.
 */
import type { Service } from "../contracts";

export interface RestDeps {
  /** Logs in as `authenticator`. */
  connectionString: string;
  jwtSecret: string;
  schemas: string[];
  extraSearchPath: string[];
  maxRows: number;
}

export type RestService = Service & { reloadSchema(): Promise<void> };

export async function createRestService(deps: RestDeps): Promise<RestService> {
  void deps;
  return {
    async handle(_req, res) {
      res.statusCode = 503;
      res.setHeader("Content-Type", "application/json; charset=utf-8");
      res.end(JSON.stringify({ code: "PGRST000", details: null, hint: null, message: "REST service not built yet" }));
    },
    async reloadSchema() {},
    async close() {},
  };
}
