/**
 * The mail inbox's JSON API on Mailpit's paths (INBUCKET_URL), and that Auth's mails land there with
 * working links: a signup with confirmations on produces a confirmation mail whose link verifies.
 */
import { randomUUID } from "node:crypto";
import { createClient } from "@supabase/supabase-js";
import { describe, expect, it } from "vitest";

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run through npm run test:integration)`);
  return value;
}
const inbox = env("INBUCKET_URL");
const url = env("SUPABASE_URL");
const anonKey = env("SUPABASE_ANON_KEY");

interface Summary {
  ID: string;
  To: { Address: string }[];
  Subject: string;
  Created: string;
}
interface Page {
  total: number;
  count: number;
  messages_count: number;
  messages: Summary[];
}

const unique = (tag: string) => `mail-${tag}-${randomUUID().slice(0, 8)}@example.com`;

async function inject(to: string, subject: string, text = "hello https://example.com/x"): Promise<string> {
  const res = await fetch(`${inbox}/api/v1/send`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      From: { Email: "test@example.com" },
      To: [{ Email: to }],
      Subject: subject,
      Text: text,
      HTML: `<p>${text}</p>`,
    }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { ID: string }).ID;
}

async function search(query: string): Promise<Page> {
  const res = await fetch(`${inbox}/api/v1/search?query=${encodeURIComponent(query)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
}

describe("inbox API", () => {
  it("lists newest first and finds mail by recipient", async () => {
    const to = unique("list");
    const first = await inject(to, "first");
    const second = await inject(to, "second");
    const list = (await (await fetch(`${inbox}/api/v1/messages?limit=1000`)).json()) as Page;
    const ids = list.messages.map((m) => m.ID);
    expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(first));
    expect(list.total).toBeGreaterThanOrEqual(2);
    const found = await search(`to:${to}`);
    expect(found.messages.map((m) => m.Subject)).toEqual(["second", "first"]);
    expect(found.messages_count).toBe(2);
    expect(found.messages[0]?.To[0]?.Address).toBe(to);
  });

  it("returns one message with its text and HTML", async () => {
    const to = unique("get");
    const id = await inject(to, "full", "click https://example.com/confirm?token=abc");
    const res = await fetch(`${inbox}/api/v1/message/${id}`);
    expect(res.status).toBe(200);
    const message = (await res.json()) as {
      ID: string;
      Subject: string;
      Text: string;
      HTML: string;
      To: { Address: string }[];
    };
    expect(message).toMatchObject({ ID: id, Subject: "full", Text: "click https://example.com/confirm?token=abc" });
    expect(message.HTML).toContain("https://example.com/confirm?token=abc");
    expect(message.To[0]?.Address).toBe(to);
  });

  it("unknown id → 404; search without a query → 400", async () => {
    expect((await fetch(`${inbox}/api/v1/message/does-not-exist`)).status).toBe(404);
    expect((await fetch(`${inbox}/api/v1/search`)).status).toBe(400);
  });

  it("deletes the given IDs only", async () => {
    const to = unique("delete");
    const keep = await inject(to, "keep");
    const drop = await inject(to, "drop");
    const res = await fetch(`${inbox}/api/v1/messages`, {
      method: "DELETE",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ IDs: [drop] }),
    });
    expect(res.status).toBe(200);
    expect((await search(`to:${to}`)).messages.map((m) => m.ID)).toEqual([keep]);
  });

  it("a malformed delete body → 400 and nothing deleted", async () => {
    const to = unique("baddelete");
    await inject(to, "stays");
    const res = await fetch(`${inbox}/api/v1/messages`, { method: "DELETE", body: "{not json" });
    expect(res.status).toBe(400);
    expect((await search(`to:${to}`)).count).toBe(1);
  });

  it("serves the HTML inbox with the mail listed and readable", async () => {
    const to = unique("html");
    const id = await inject(to, "Visible <subject>");
    const list = await (await fetch(`${inbox}/`)).text();
    expect(list).toContain("Visible &#60;subject&#62;");
    const page = await fetch(`${inbox}/view/${id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(await page.text()).toContain('<a href="https://example.com/x">');
  });
});

describe("Auth mails land in the inbox", () => {
  it("signUp with confirmations on sends a confirmation mail whose link confirms the user", async () => {
    const email = unique("signup");
    const client = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
    const { error } = await client.auth.signUp({ email, password: "correct-horse-battery-1" });
    expect(error).toBeNull();
    const found = await search(`to:${email}`);
    expect(found.count).toBe(1);
    const message = (await (await fetch(`${inbox}/api/v1/message/${found.messages[0]?.ID}`)).json()) as {
      Text: string;
      HTML: string;
    };
    const link = /https?:\/\/[^\s"'<>]+\/auth\/v1\/verify\?[^\s"'<>]+/.exec(message.Text)?.[0]?.replace(/&amp;/g, "&");
    expect(link).toBeDefined();
    const verify = await fetch(link ?? "", { redirect: "manual" });
    expect(verify.status).toBe(303);
    expect(verify.headers.get("location")).toMatch(/access_token=|code=/);
    const signIn = await client.auth.signInWithPassword({ email, password: "correct-horse-battery-1" });
    expect(signIn.error).toBeNull();
  });
});
