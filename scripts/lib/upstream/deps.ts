/**
 * The suites' test tooling (jest, ts-jest and what their test files import), installed once into a
 * folder outside this repository and linked into each package of the checkout as its node_modules.
 * Versions are the ones the runs in the stack's README were measured with.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

const TOOLING = {
  jest: "30.4.2",
  "ts-jest": "29.4.15",
  "@jest/types": "30.5.1",
  "@types/jest": "30.0.0",
  "@types/node": "20.19.9",
  "@types/jsonwebtoken": "8.5.9",
  typescript: "5.8.3",
  prettier: "3.10.1",
  tslib: "2.8.1",
  "type-fest": "4.41.0",
  zod: "3.25.76",
  "@faker-js/faker": "9.9.0",
  jsonwebtoken: "9.0.3",
};

export function installTooling(workDir: string, log: (line: string) => void): string {
  const deps = path.join(workDir, "deps");
  const modules = path.join(deps, "node_modules");
  if (existsSync(path.join(modules, ".bin/jest"))) return modules;
  mkdirSync(deps, { recursive: true });
  writeFileSync(
    path.join(deps, "package.json"),
    JSON.stringify({ name: "upstream-suite-tooling", private: true, devDependencies: TOOLING }, null, 2),
  );
  log(`Installing the suites' test tooling into ${deps} …`);
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: deps, stdio: "inherit" });
  return modules;
}

/** Links the tooling as `<package>/node_modules` unless the checkout already has its own. */
export function linkTooling(packagePath: string, modules: string): void {
  const link = path.join(packagePath, "node_modules");
  if (!existsSync(link)) symlinkSync(modules, link);
}
