import { describe, expect, it } from "vitest";
import { matchesSearch, parseSearch } from "./search";
import type { StoredMail } from "./store";

const mail: StoredMail = {
  id: "1",
  created: "2026-11-25T21:00:00.000Z",
  from: "noreply@mail.app.supabase.io",
  read: false,
  to: "Alice@Example.com",
  subject: "Confirm Your Signup",
  html: "<p>hi</p>",
  text: "Follow this link to confirm your user",
  kind: "confirmation",
};

describe("parseSearch", () => {
  it.each([
    ["to:alice@example.com", [{ field: "to", value: "alice@example.com", negate: false }]],
    ['subject:"confirm your"', [{ field: "subject", value: "confirm your", negate: false }]],
    [
      "-is:read link",
      [
        { field: "is", value: "read", negate: true },
        { field: "any", value: "link", negate: false },
      ],
    ],
    ["   ", []],
  ])("%j", (query, terms) => {
    expect(parseSearch(query)).toEqual(terms);
  });
});

describe("matchesSearch", () => {
  it.each([
    ["to:alice@example.com", true],
    ["to:ALICE@EXAMPLE.COM", true],
    ["to:bob@example.com", false],
    ['subject:"confirm your signup"', true],
    ["subject:reset", false],
    ["from:supabase", true],
    ["is:unread", true],
    ["is:read", false],
    ["-to:bob@example.com", true],
    ["link to:alice", true],
    ["link to:bob", false],
    ["", true],
  ])("%j → %s", (query, expected) => {
    expect(matchesSearch(mail, parseSearch(query))).toBe(expected);
  });
});
