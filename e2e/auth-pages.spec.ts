import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";

test.describe("auth pages", () => {
  for (const [path, heading] of [
    ["/signup", "Create your account"],
    ["/login", "Sign in"],
    ["/forgot-password", "Reset your password"],
    ["/check-email", "Check your email"],
    ["/link-expired", "This link has expired or was already used"],
  ] as const) {
    test(`${path} renders and has no axe violations`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test("every response carries the security headers", async ({ request }) => {
    const response = await request.get("/login");
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(new RegExp(`connect-src 'self' ${process.env.NEXT_PUBLIC_SUPABASE_URL}`));
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["strict-transport-security"]).toContain("max-age=");
  });

  test("the local stack's inbox is linked from check-email", async ({ page }) => {
    await page.goto("/check-email");
    await expect(page.getByRole("link", { name: "Open the local inbox" })).toHaveAttribute(
      "href",
      (process.env.INBUCKET_URL ?? "").replace(/\/$/, ""),
    );
  });
});
