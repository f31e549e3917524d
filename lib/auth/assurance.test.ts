import { describe, expect, it, vi } from "vitest";
import { AssuranceUnavailableError, forgetAssurance, sessionAssurance } from "./assurance";

type Level = { currentLevel: string | null; nextLevel: string | null };

/** A stand-in for the server client: only what sessionAssurance touches. */
function fakeClient(answer: { data: Level | null; error: { status?: number } | null }) {
  const aal = vi.fn(async () => answer);
  const client = {
    auth: {
      getSession: async () => ({ data: { session: { access_token: "token" } } }),
      mfa: { getAuthenticatorAssuranceLevel: aal },
    },
  };
  return { client: client as unknown as Parameters<typeof sessionAssurance>[0], aal };
}

const owes = { data: { currentLevel: "aal1", nextLevel: "aal2" }, error: null };
const noFactor = { data: { currentLevel: "aal1", nextLevel: "aal1" }, error: null };

describe("sessionAssurance", () => {
  it("an aal2 token is complete without asking Auth", async () => {
    const { client, aal } = fakeClient(owes);
    expect(await sessionAssurance(client, { aal: "aal2", session_id: "s-aal2" })).toBe("complete");
    expect(aal).not.toHaveBeenCalled();
  });

  it("aal1 with a verified factor owes its code; the verdict is reused for the session", async () => {
    const { client, aal } = fakeClient(owes);
    const claims = { aal: "aal1", session_id: "s-owes" };
    expect(await sessionAssurance(client, claims)).toBe("second-factor-due");
    expect(await sessionAssurance(client, claims)).toBe("second-factor-due");
    expect(aal).toHaveBeenCalledTimes(1);
    forgetAssurance("s-owes");
    await sessionAssurance(client, claims);
    expect(aal).toHaveBeenCalledTimes(2);
  });

  it("aal1 without a factor is complete", async () => {
    const { client } = fakeClient(noFactor);
    expect(await sessionAssurance(client, { aal: "aal1", session_id: "s-none" })).toBe("complete");
  });

  it("a session Auth no longer knows is signed out; an unreachable Auth is neither a pass nor a sign-out", async () => {
    expect(
      await sessionAssurance(fakeClient({ data: null, error: { status: 403 } }).client, { session_id: "s-gone" }),
    ).toBe("signed-out");
    await expect(
      sessionAssurance(fakeClient({ data: null, error: { status: 502 } }).client, { session_id: "s-down" }),
    ).rejects.toBeInstanceOf(AssuranceUnavailableError);
  });
});
