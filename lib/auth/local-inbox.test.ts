import { describe, expect, it } from "vitest";
import { localInboxUrl } from "./local-inbox";

describe("localInboxUrl", () => {
  it.each<[string | undefined, string | undefined, string | null]>([
    ["http://127.0.0.1:54321", undefined, "http://127.0.0.1:54324"],
    ["http://localhost:59321", undefined, "http://localhost:59324"],
    ["http://127.0.0.1:59321", "http://127.0.0.1:59324/", "http://127.0.0.1:59324"],
    ["http://127.0.0.1:54321", "https://mail.example.com", "http://127.0.0.1:54324"],
    ["https://abcd.supabase.co", undefined, null],
    ["https://abcd.supabase.co", "http://127.0.0.1:54324", null],
    [undefined, undefined, null],
    ["nonsense", undefined, null],
  ])("api=%j inbucket=%j → %j", (api, inbucket, expected) => {
    expect(localInboxUrl(api, inbucket)).toBe(expected);
  });
});
