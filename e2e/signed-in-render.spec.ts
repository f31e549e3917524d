/**
 * A signed-in page render with a valid access token asks Auth nothing: access tokens are signed with
 * the stack's ES256 key, so the server verifies them with the published JWKS (fetched once, cached)
 * instead of a GET /auth/v1/user per render. Counted in the stack's access log
 * (SUPABASE_ACCESS_LOG, which the test stack writes), by the session the requests carry.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { readSession } from "./support/session";
import { createConfirmedUser, deleteUser, signInThroughUi } from "./support/users";

interface AccessEntry {
  method: string;
  path: string;
  status: number;
  who: string | null;
}

function accessLog(): AccessEntry[] {
  const file = process.env.SUPABASE_ACCESS_LOG;
  if (!file) throw new Error("SUPABASE_ACCESS_LOG is not set: run through `npm run test:e2e`");
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as AccessEntry);
}

function sessionIdOf(accessToken: string): string {
  const payload = JSON.parse(Buffer.from(accessToken.split(".")[1] ?? "", "base64url").toString("utf8")) as {
    session_id?: string;
  };
  if (!payload.session_id) throw new Error("access token without session_id");
  return payload.session_id;
}

test("signed-in renders of the wizard and the profile make no request to Auth", async ({ page }) => {
  const user = await createConfirmedUser();
  try {
    await signInThroughUi(page, user);
    const session = await readSession(page.context());
    if (!session) throw new Error("no session cookie after signing in");
    const header = JSON.parse(Buffer.from(session.access_token.split(".")[0] ?? "", "base64url").toString("utf8"));
    expect(header).toMatchObject({ alg: "ES256", kid: expect.any(String) });
    const sessionId = sessionIdOf(session.access_token);

    // The first render may fetch the JWKS (once per server process, then cached for ten minutes).
    expect((await page.request.get("/profile")).status()).toBe(200);
    const mark = accessLog().length;
    for (const path of ["/onboarding", "/profile", "/onboarding", "/profile"]) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBe(200);
    }
    const mine = accessLog()
      .slice(mark)
      .filter((entry) => entry.who === sessionId);
    expect(mine.filter((entry) => entry.path.startsWith("/auth/v1/"))).toEqual([]);
    // The log does see this session: every render reads the profile through REST as the user.
    expect(mine.filter((entry) => entry.path.startsWith("/rest/v1/")).length).toBeGreaterThanOrEqual(4);
  } finally {
    await deleteUser(user.id);
  }
});
