import { test } from "@playwright/test";
import { createConfirmedUser, signInThroughUi, uniqueEmail } from "./support/users";
for (const width of [1280, 390]) {
  test(`shots ${width}`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ["/login", "/login/link", "/link-expired?flow=signin", "/email-change?step=one", "/login?notice=link-other-browser"]) {
      await page.goto(path);
      await page.screenshot({ path: `/tmp/sec-shots/${width}${path.replace(/[^a-z]/g, "_")}.png`, fullPage: true });
    }
    await page.goto("/login/link");
    await page.getByLabel("Email", { exact: true }).fill(uniqueEmail("shot"));
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await page.waitForURL(/login\/code/);
    await page.screenshot({ path: `/tmp/sec-shots/${width}_code.png`, fullPage: true });
    const user = await createConfirmedUser();
    await signInThroughUi(page, user, "/account");
    await page.goto("/email-change?step=one");
    await page.screenshot({ path: `/tmp/sec-shots/${width}_one_signed_in.png`, fullPage: true });
  });
}
