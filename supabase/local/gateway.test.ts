import { describe, expect, it } from "vitest";
import { apikeyProblem, routeOf } from "./gateway";
import { hmacKeys, signJwt } from "./jwt";
import {
  LOCAL_ANON_KEY,
  LOCAL_JWT_SECRET,
  LOCAL_PUBLISHABLE_KEY,
  LOCAL_SECRET_KEY,
  LOCAL_SERVICE_ROLE_KEY,
} from "./keys";

const keys = hmacKeys(LOCAL_JWT_SECRET);

describe("routeOf", () => {
  it.each<[string, ReturnType<typeof routeOf>]>([
    ["/auth/v1", { name: "auth", path: "/" }],
    ["/auth/v1/", { name: "auth", path: "/" }],
    ["/auth/v1/token", { name: "auth", path: "/token" }],
    ["/auth/v1/admin/users/abc", { name: "auth", path: "/admin/users/abc" }],
    ["/rest/v1/", { name: "rest", path: "/" }],
    ["/rest/v1/rpc/fn", { name: "rest", path: "/rpc/fn" }],
    ["/", null],
    ["/auth", null],
    ["/auth/v1x", null],
    ["/rest/v2/x", null],
    ["/storage/v1/object", null],
  ])("%s", (pathname, expected) => {
    expect(routeOf(pathname)).toEqual(expected);
  });
});

describe("apikeyProblem", () => {
  it.each([LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY, LOCAL_PUBLISHABLE_KEY, LOCAL_SECRET_KEY])(
    "accepts a project key",
    async (key) => {
      expect(await apikeyProblem(key, false, keys)).toBeNull();
    },
  );

  it("accepts a legacy key the project signed, refuses one signed elsewhere", async () => {
    const claims = { iss: "supabase", role: "anon", exp: Math.floor(Date.now() / 1000) + 3600 };
    expect(await apikeyProblem(await signJwt(claims, LOCAL_JWT_SECRET), false, keys)).toBeNull();
    const foreign = await signJwt(claims, "a-different-secret-a-different-secret-0123");
    expect((await apikeyProblem(foreign, false, keys))?.message).toBe("Invalid API key");
  });

  it.each<[string | undefined, boolean, string | null]>([
    [undefined, false, "No API key found in request"],
    ["", false, "No API key found in request"],
    [undefined, true, null],
    ["nope", false, "Invalid API key"],
    ["nope", true, "Invalid API key"],
    [`${LOCAL_ANON_KEY} `, false, "Invalid API key"],
  ])("%j (open route: %s) → %s", async (key, open, message) => {
    expect((await apikeyProblem(key, open, keys))?.message ?? null).toBe(message);
  });
});
