/**
 * Request bodies the REST service must refuse before storing anything: JSON that is not UTF-8 (400
 * PGRST102, PostgREST's generic answer, never U+FFFD in the row), and a `Content-Length` over the 1 MiB
 * limit (413 straight away, even when the declared bytes never arrive).
 */
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropFixtures, env, loadFixtures, rest, serviceClient } from "./rest-support";

beforeAll(loadFixtures);
afterAll(dropFixtures);

const INVALID = { json: { code: "PGRST102", details: null, hint: null, message: "Empty or invalid json" } };

function bytes(...parts: (string | number[])[]): Buffer<ArrayBuffer> {
  return Buffer.concat(
    parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))),
  ) as Buffer<ArrayBuffer>;
}

describe("bodies that are not UTF-8", () => {
  it.each([
    ["FF FE", [0xff, 0xfe]],
    ["overlong C0 AF", [0xc0, 0xaf]],
    ["lone continuation 80", [0x80]],
    ["truncated E2 82", [0xe2, 0x82]],
  ])("PATCH with %s in a string → 400 and the row keeps its value", async (_label, raw) => {
    await serviceClient().from("rest_parents").insert({ name: "utf8-patch" });
    const response = await rest("/rest_parents?name=eq.utf8-patch", {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: bytes('{"meta":{"note":"', raw, '"}}'),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(INVALID.json);
    const { data } = await serviceClient().from("rest_parents").select("meta").eq("name", "utf8-patch");
    expect(data).toEqual([{ meta: null }]);
    await serviceClient().from("rest_parents").delete().eq("name", "utf8-patch");
  });

  it("POST with invalid bytes inserts nothing; valid UTF-8 is stored as sent", async () => {
    const bad = await rest("/rest_parents", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: bytes('{"name":"utf8-', [0xc0, 0xaf], '"}'),
    });
    expect(bad.status).toBe(400);
    const { data: none } = await serviceClient().from("rest_parents").select("name").like("name", "utf8-%");
    expect(none).toEqual([]);
    const good = await rest("/rest_parents", {
      method: "POST",
      headers: { "Content-Type": "application/json", Prefer: "return=representation" },
      body: bytes('{"name":"utf8-é😀"}'),
    });
    expect(good.status).toBe(201);
    expect(await good.json()).toMatchObject([{ name: "utf8-é😀" }]);
    await serviceClient().from("rest_parents").delete().eq("name", "utf8-é😀");
  });
});

/** Sends the head and `sent` bytes of a body that declares `declared` bytes; resolves with the status line. */
function declaredBody(declared: number, sent: string, path = "/rest/v1/rest_parents"): Promise<string> {
  const { hostname, port } = new URL(env.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: ${hostname}\r\napikey: ${env.serviceRoleKey}\r\n` +
          `Authorization: Bearer ${env.serviceRoleKey}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n${sent}`,
      );
    });
    let received = "";
    socket.on("data", (chunk) => {
      received += chunk.toString("utf8");
      if (received.includes("\r\n\r\n")) {
        socket.destroy();
        resolve(received.split("\r\n")[0] ?? "");
      }
    });
    socket.on("error", reject);
  });
}

describe("declared bodies over the limit", () => {
  it.each([
    ["50 MB (the gateway's ceiling)", 50 * 1024 * 1024],
    ["2 MiB (the REST service's 1 MiB limit)", 2 * 1024 * 1024],
  ])("Content-Length %s with 2 bytes sent → 413 without waiting for the rest", async (_label, declared) => {
    expect(await declaredBody(declared, "{}")).toBe("HTTP/1.1 413 Payload Too Large");
    expect((await rest("/rest_parents?select=id&limit=1")).status).toBe(200);
  });

  it("a body just under the limit is still read and answered", async () => {
    const response = await rest("/rest_parents", {
      method: "POST",
      headers: { "Content-Type": "application/json", Prefer: "return=minimal" },
      body: JSON.stringify({ name: "big-body", meta: { note: "x".repeat(1024 * 1024 - 64) } }),
    });
    expect(response.status).toBe(201);
    await serviceClient().from("rest_parents").delete().eq("name", "big-body");
  });
});
