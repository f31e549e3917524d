/**
 * Hostile bodies for every public Auth endpoint the app calls: each string field replaced by a value
 * holding U+0000, by raw bytes that are not UTF-8 (FF FE, C0 AF), by 100 KB of text, and the whole
 * body by broken JSON or a body over the limit. Auth must answer each with a 4xx (or accept it as
 * GoTrue does), never a 5xx — except where GoTrue itself answers 500 (auth-nul.int.test.ts), which the
 * app never sends.
 */
import { describe, expect, it } from "vitest";
import { env } from "@/tests/conformance/test-env";

const ENDPOINTS: [string, Record<string, string>][] = [
  ["/signup", { email: "fuzz@example.com", password: "Fuzz-Passw0rd-1" }],
  ["/token?grant_type=password", { email: "fuzz@example.com", password: "Fuzz-Passw0rd-1" }],
  ["/token?grant_type=refresh_token", { refresh_token: "abcdefgh" }],
  ["/recover", { email: "fuzz@example.com" }],
  ["/otp", { email: "fuzz@example.com" }],
  ["/verify", { type: "email", email: "fuzz@example.com", token: "123456" }],
  ["/resend", { type: "signup", email: "fuzz@example.com" }],
];

/** GoTrue's own 500s for a NUL in these fields (the user lookup fails in Postgres). */
const UPSTREAM_500 = new Set(["/token?grant_type=password email nul"]);

const NUL = "a\u0000b";
const NOT_UTF8 = [Buffer.from([0xff, 0xfe]), Buffer.from([0xc0, 0xaf])];

function bodyWith(fields: Record<string, string>, key: string, raw: Buffer | string): Buffer {
  const marker = "__FUZZ__";
  const json = JSON.stringify({ ...fields, [key]: marker });
  const [before, after] = json.split(marker) as [string, string];
  return Buffer.concat([Buffer.from(before), Buffer.isBuffer(raw) ? raw : Buffer.from(raw), Buffer.from(after)]);
}

async function post(path: string, body: Buffer | string): Promise<number> {
  const response = await fetch(`${env.url}/auth/v1${path}`, {
    method: "POST",
    headers: { apikey: env.anonKey, "Content-Type": "application/json" },
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
  await response.arrayBuffer();
  return response.status;
}

describe("Auth fuzz: NUL, encodings, sizes", () => {
  for (const [path, fields] of ENDPOINTS) {
    it(`${path} answers every hostile body below 500`, async () => {
      const failures: string[] = [];
      const check = async (label: string, body: Buffer | string) => {
        const status = await post(path, body);
        if (status >= 500 && !UPSTREAM_500.has(`${path} ${label}`)) failures.push(`${label} → ${status}`);
      };
      for (const key of Object.keys(fields)) {
        await check(`${key} nul`, bodyWith(fields, key, JSON.stringify(NUL).slice(1, -1)));
        for (const bytes of NOT_UTF8)
          await check(`${key} bytes ${bytes.toString("hex")}`, bodyWith(fields, key, bytes));
        await check(`${key} 100 KB`, bodyWith(fields, key, "x".repeat(100_000)));
      }
      await check("broken JSON", "{{{{");
      await check("JSON that is not an object", '"x"');
      await check("body over the limit", JSON.stringify({ ...fields, pad: "x".repeat(11 * 1024 * 1024) }));
      expect(failures).toEqual([]);
    }, 60_000);
  }
});
