import { describe, expect, it } from "vitest";
import { parseSendRequest } from "./send";

describe("parseSendRequest", () => {
  it.each<[string, ReturnType<typeof parseSendRequest>]>([
    [
      JSON.stringify({
        To: [{ Email: "a@example.com" }],
        Subject: "Hi",
        Text: "t",
        HTML: "<p>h</p>",
        Tags: ["recovery"],
      }),
      { to: "a@example.com", subject: "Hi", text: "t", html: "<p>h</p>", kind: "recovery" },
    ],
    [
      JSON.stringify({ To: [{ Email: " b@example.com " }], Subject: "" }),
      { to: "b@example.com", subject: "", text: "", html: "", kind: "sent" },
    ],
    ["not json", null],
    ["[]", null],
    [JSON.stringify({ Subject: "no recipient" }), null],
    [JSON.stringify({ To: [], Subject: "empty" }), null],
    [JSON.stringify({ To: [{ Email: 5 }], Subject: "x" }), null],
    [JSON.stringify({ To: [{ Email: "a@example.com" }] }), null],
  ])("%s", (body, expected) => {
    expect(parseSendRequest(body)).toEqual(expected);
  });
});
