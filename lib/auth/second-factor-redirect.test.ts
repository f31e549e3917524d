import { describe, expect, it } from "vitest";
import { secondFactorRedirect } from "./second-factor-redirect";

interface State {
  userId: string | null;
  secondFactorDue: boolean;
}

const due: State = { userId: "u1", secondFactorDue: true };
const complete: State = { userId: "u1", secondFactorDue: false };
const signedOut: State = { userId: null, secondFactorDue: false };

describe("secondFactorRedirect", () => {
  it.each<[string, string, string, State, string | null]>([
    ["a due session on a protected page goes to the code page", "/profile", "", due, "/two-factor?next=%2Fprofile"],
    ["…with its query kept", "/onboarding/skills", "?a=1", due, "/two-factor?next=%2Fonboarding%2Fskills%3Fa%3D1"],
    ["…also from the landing page (no next)", "/", "", due, "/two-factor"],
    ["…from /login it keeps login's next", "/login", "?next=%2Fadmin", due, "/two-factor?next=%2Fadmin"],
    ["…a hostile next is dropped", "/login", "?next=%2F%2Fevil.example", due, "/two-factor"],
    ["a due session may stay on the code page", "/two-factor", "?next=%2Fprofile", due, null],
    ["a due session may sign out", "/auth/sign-out", "", due, null],
    ["a complete session leaves the code page for next", "/two-factor", "?next=%2Faccount", complete, "/account"],
    ["…or the default", "/two-factor", "", complete, "/onboarding"],
    [
      "a signed-out visitor of the code page signs in first",
      "/two-factor",
      "?next=%2Fprofile",
      signedOut,
      "/login?next=%2Fprofile",
    ],
    ["other pages are not this rule's business", "/profile", "", complete, null],
    ["…nor for signed-out visitors", "/profile", "", signedOut, null],
  ])("%s", (_label, path, search, session, expected) => {
    expect(secondFactorRedirect(path, search, session)).toBe(expected);
  });
});
