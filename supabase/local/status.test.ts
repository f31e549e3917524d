import { describe, expect, it } from "vitest";
import { parseConfig } from "./config";
import { LOCAL_ANON_KEY } from "./keys";
import { formatEnv, formatTable, outputFormat, stackValues } from "./status";

const config = parseConfig(
  "",
  null,
  { SUPABASE_API_PORT: "56321", SUPABASE_DB_PORT: "56322", SUPABASE_INBUCKET_PORT: "56324" },
  "/r",
);

describe("status output", () => {
  it("prints exactly the CLI's env lines, quoted, in order", () => {
    const lines = formatEnv(stackValues(config)).split("\n");
    expect(lines.map((line) => line.split("=")[0])).toEqual([
      "API_URL",
      "DB_URL",
      "ANON_KEY",
      "SERVICE_ROLE_KEY",
      "PUBLISHABLE_KEY",
      "SECRET_KEY",
      "JWT_SECRET",
      "INBUCKET_URL",
    ]);
    expect(lines[0]).toBe('API_URL="http://127.0.0.1:56321"');
    expect(lines[1]).toBe('DB_URL="postgresql://postgres:postgres@127.0.0.1:56322/postgres"');
    expect(lines[2]).toBe(`ANON_KEY="${LOCAL_ANON_KEY}"`);
    expect(lines[7]).toBe('INBUCKET_URL="http://127.0.0.1:56324"');
  });

  it("prints a table with the API URL", () => {
    expect(formatTable(stackValues(config))).toMatch(/API URL: http:\/\/127\.0\.0\.1:56321/);
  });

  it.each<[string[], string]>([
    [[], "pretty"],
    [["-o", "env"], "env"],
    [["--output", "env"], "env"],
    [["-o=env"], "env"],
    [["--output=json"], "json"],
    [["-o"], "pretty"],
  ])("%j → %s", (args, format) => {
    expect(outputFormat(args)).toBe(format);
  });
});
