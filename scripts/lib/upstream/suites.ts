/**
 * The Supabase team's own client suites (the supabase-js monorepo), as this stack runs them: which
 * package, which test files reach a server, how their `supabase/` folder becomes a stack root, and
 * which tests exercise features this stack leaves out on purpose. Their code and tests stay in their
 * checkout; this file only names them.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface OutOfScope {
  /** Matched against "<file> › <describe …> › <test title>". */
  pattern: RegExp;
  reason: string;
}

export interface UpstreamSuite {
  name: "postgrest-js" | "auth-js";
  /** The package folder inside the monorepo. */
  packageDir: string;
  /** Arguments for their jest, after the package's own config. */
  jestArgs: string[];
  /** Writes `<root>/supabase` (config.toml, migrations, seed) from the package's test fixture. */
  prepareRoot(packagePath: string, root: string): void;
  outOfScope: OutOfScope[];
}

/** Their fixture relies on the CLI's default privileges; this stack, like hosted projects created since 2026, grants none. */
function defaultGrants(schemas: string[]): string {
  return schemas
    .map((schema) =>
      [
        `grant usage on schema ${schema} to anon, authenticated, service_role;`,
        ...["tables", "sequences", "routines"].map(
          (kind) => `grant all on all ${kind} in schema ${schema} to anon, authenticated, service_role;`,
        ),
      ].join("\n"),
    )
    .join("\n");
}

const postgrestJs: UpstreamSuite = {
  name: "postgrest-js",
  packageDir: "packages/core/postgrest-js",
  // test/v12 runs against a PostgREST 12 server; this service answers as PostgREST 14.
  jestArgs: ["--runInBand", "--ci", "--testPathIgnorePatterns=test/v12/"],
  prepareRoot(packagePath, root) {
    const target = path.join(root, "supabase");
    cpSync(path.join(packagePath, "test/supabase"), target, { recursive: true });
    const schema = path.join(target, "migrations/00000000000000_schema.sql");
    // The embedded Postgres ships no PostGIS: the one geometry column becomes text.
    writeFileSync(
      schema,
      readFileSync(schema, "utf8")
        .replace(/^create extension if not exists postgis.*$/m, "-- postgis: not available")
        .replace("extensions.geometry(POINT, 4326)", "text"),
    );
    writeFileSync(
      path.join(target, "migrations/99999999999999_default_grants.sql"),
      defaultGrants(["public", "personal"]),
    );
  },
  outOfScope: [{ pattern: /geojson/i, reason: "PostGIS (application/geo+json)" }],
};

const authJs: UpstreamSuite = {
  name: "auth-js",
  packageDir: "packages/core/auth-js",
  // The four files that talk to a server; the others are unit tests or need a browser (jsdom).
  jestArgs: [
    "--runInBand",
    "--ci",
    "--coverage=false",
    "test/GoTrueClient.test.ts",
    "test/GoTrueApi.test.ts",
    "test/GoTrueClient.pkce.test.ts",
    "test/GoTrueClient.signOut.test.ts",
  ],
  prepareRoot(packagePath, root) {
    const keys = path.join(packagePath, "test/supabase/signing_keys.json");
    // Their clients sign the test keys with the RS256 key this script writes; the stack trusts it.
    if (!existsSync(keys))
      execFileSync("node", ["test/generate-signing-keys.js"], { cwd: packagePath, stdio: "inherit" });
    cpSync(path.join(packagePath, "test/supabase"), path.join(root, "supabase"), { recursive: true });
  },
  outOfScope: [
    { pattern: /phone|sms/i, reason: "phone sign-in (an SMS provider)" },
    // Verifies a phone_change code for a phone number; its title names no phone.
    { pattern: /verifyOTP fails with empty options/, reason: "phone sign-in (an SMS provider)" },
    { pattern: /webauthn|passkey/i, reason: "WebAuthn factors (a browser authenticator)" },
    { pattern: /oauth client|Client\(\)|listClients|ClientSecret/, reason: "the OAuth-server admin API" },
  ],
};

export const SUITES: readonly UpstreamSuite[] = [postgrestJs, authJs];
