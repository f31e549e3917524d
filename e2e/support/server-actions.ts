/**
 * The server actions of the build under test, from its server-reference manifest: what a hostile
 * client can call by id (every export of every "use server" file), whatever the pages render.
 */
import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import path from "node:path";

export interface ServerAction {
  id: string;
  /** `lib/actions/….ts#exportName` */
  name: string;
}

/** The dist dir the e2e server runs from (playwright.config.ts's webServer). */
function distDir(): string {
  return process.env.TEST_APP_DIST ?? `.next-e2e-${process.env.E2E_PORT ?? 3100}`;
}

export function serverActions(): ServerAction[] {
  const file = path.join(distDir(), "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  return Object.entries(manifest.node)
    .map(([id, entry]) => ({ id, name: `${entry.filename ?? "?"}#${entry.exportedName ?? "?"}` }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function serverAction(exportedName: string): ServerAction {
  const found = serverActions().find((action) => action.name.endsWith(`#${exportedName}`));
  if (!found) throw new Error(`no server action named ${exportedName} in ${distDir()}`);
  return found;
}

export interface ActionAnswer {
  status: number;
  /** The form-level message: the action's FormState in the RSC payload, or a plain-text refusal. */
  message: string | null;
  ok: boolean | null;
}

/**
 * Reads what a replayed action call answered. An action's return value travels in the RSC stream
 * (`<row>:<json>` lines); a refusal before any action runs (the middleware's) is plain text.
 */
export async function readActionAnswer(response: {
  status(): number;
  headers(): Record<string, string>;
  text(): Promise<string>;
}): Promise<ActionAnswer> {
  const text = await response.text();
  if (!(response.headers()["content-type"] ?? "").startsWith("text/x-component")) {
    return { status: response.status(), message: text, ok: null };
  }
  for (const line of text.split("\n")) {
    const json = line.replace(/^[0-9a-f]+:/, "");
    try {
      const row = JSON.parse(json) as unknown;
      if (row && typeof row === "object" && "ok" in row && typeof row.ok === "boolean") {
        const message = "message" in row && typeof row.message === "string" ? row.message : null;
        return { status: response.status(), message, ok: row.ok };
      }
    } catch {
      // Not a JSON row (a module or text chunk): keep looking.
    }
  }
  return { status: response.status(), message: null, ok: null };
}

/**
 * Calls an action as the browser's React client does: the arguments as JSON in part "0" with `"$K1"`
 * standing for the form, whose fields travel as `_1_<name>` parts.
 */
export async function callAction(
  request: APIRequestContext,
  url: string,
  action: ServerAction,
  args: unknown[],
  form: Record<string, string>,
): Promise<ActionAnswer> {
  const multipart: Record<string, string> = { "0": JSON.stringify(args) };
  for (const [name, value] of Object.entries(form)) multipart[`_1_${name}`] = value;
  const response = await request.post(url, {
    headers: { "Next-Action": action.id, Accept: "text/x-component", Origin: new URL(url).origin },
    multipart,
    maxRedirects: 0,
  });
  return readActionAnswer(response);
}
