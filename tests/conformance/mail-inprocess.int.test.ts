/**
 * The inbox modules in-process on a temporary state dir: mails survive a restart (re-opening the
 * store), "delete all" empties it, and Auth's `Mailer.send` stores what it is given.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailServer } from "@/supabase/local/mail/server";
import { createMailStore } from "@/supabase/local/mail/store";

let dir = "";
let server: Server;
let base = "";

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "inbox-test-"));
  server = createMailServer(createMailStore(dir), () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe("mail store", () => {
  it("keeps mails across a restart, newest first", async () => {
    const store = createMailStore(dir);
    await store.send({ to: "a@example.com", subject: "one", html: "<p>1</p>", text: "1", kind: "confirmation" });
    await store.send({ to: "b@example.com", subject: "two", html: "<p>2</p>", text: "2", kind: "recovery" });
    const reopened = createMailStore(dir);
    expect(reopened.list().map((mail) => mail.subject)).toEqual(["two", "one"]);
    expect(reopened.list()[0]).toMatchObject({ to: "b@example.com", kind: "recovery" });
  });

  it("DELETE /api/v1/messages without a body empties the inbox, durably", async () => {
    await fetch(`${base}/api/v1/send`, {
      method: "POST",
      body: JSON.stringify({ To: [{ Email: "c@example.com" }], Subject: "three" }),
    });
    expect(((await (await fetch(`${base}/api/v1/messages`)).json()) as { total: number }).total).toBeGreaterThan(0);
    expect((await fetch(`${base}/api/v1/messages`, { method: "DELETE" })).status).toBe(200);
    expect(((await (await fetch(`${base}/api/v1/messages`)).json()) as { total: number }).total).toBe(0);
    expect(createMailStore(dir).list()).toEqual([]);
  });

  it("rejects a send request without a recipient", async () => {
    const res = await fetch(`${base}/api/v1/send`, { method: "POST", body: JSON.stringify({ Subject: "x" }) });
    expect(res.status).toBe(400);
  });
});
