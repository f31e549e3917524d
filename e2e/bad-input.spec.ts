/**
 * Bad input never gets a 5xx, and nothing is stored: a NUL byte typed into a wizard field is a field
 * error; the wizard's save action called with arguments that are not a form, or with a body over the
 * limit, answers in words, and so does every other server action of the build; a path whose
 * percent-encoding is broken is a 404. Each request is the one a hostile client sends (the real action
 * id, the real session cookie), replayed with `page.request`.
 */
import { expect, test, type Page } from "@playwright/test";
import { NOT_A_FORM_MESSAGE, NUL_MESSAGE, TOO_LARGE_MESSAGE } from "@/lib/input/form-limits";
import { readActionAnswer, serverActions } from "./support/server-actions";
import { adminClient, createConfirmedUser, deleteUser, profileRow } from "./support/users";
import { expectStep, fillEducation, fillExperience, signIn } from "./support/wizard-steps";

test.describe.configure({ timeout: 120_000 });

interface Submission {
  headers: Record<string, string>;
  body: string;
}

/** The browser's own (valid) submission of the step: its action id, its multipart body. */
async function captureSave(page: Page): Promise<Submission> {
  const posted = page.waitForRequest((request) => request.method() === "POST" && !!request.headers()["next-action"]);
  await page.getByRole("button", { name: "Continue" }).click();
  const request = await posted;
  const sent = request.headers();
  return {
    headers: {
      "Next-Action": sent["next-action"] ?? "",
      "Content-Type": sent["content-type"] ?? "",
      Accept: "text/x-component",
      Origin: new URL(page.url()).origin,
    },
    body: request.postData() ?? "",
  };
}

test("a NUL byte in a wizard answer is a field error and nothing is stored", async ({ page }) => {
  const user = await createConfirmedUser();
  await signIn(page, user, "/onboarding/education");
  await expectStep(page, "education");
  const before = await profileRow(user.id);
  await fillEducation(page, "masters", "Computer\u0000science");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText(NUL_MESSAGE)).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(/\/onboarding\/education/);
  expect(await profileRow(user.id)).toEqual(before);
  await deleteUser(user.id);
});

const MALFORMED_ARGUMENTS = ['[{"ok":false}]', "[1,2,3]", '"x"', "{{{{"];

test("the save action refuses malformed arguments and oversized bodies in words, never 5xx", async ({ page }) => {
  const user = await createConfirmedUser();
  await signIn(page, user, "/onboarding/experience");
  await expectStep(page, "experience");
  await fillExperience(page, "3", "mid");
  const save = await captureSave(page);
  await expectStep(page, "education");
  expect(save.body).toContain("mid");
  const saved = await profileRow(user.id);
  const url = new URL("/onboarding/experience", page.url()).toString();
  const { "Content-Type": _multipart, ...headers } = save.headers;

  // Lists reach the action, which answers "not a form" in its result (inside the RSC payload);
  // anything else is refused by the middleware with a plain 400 in the same words.
  for (const body of MALFORMED_ARGUMENTS) {
    const answer = await readActionAnswer(
      await page.request.post(url, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: body }),
    );
    expect(answer.status, body).toBe(body.startsWith("[") ? 200 : 400);
    expect(answer.ok, body).not.toBe(true);
    expect(answer.message, body).toBe(NOT_A_FORM_MESSAGE);
  }

  // The same submission with a 2 MB answer: read by Next.js, refused by the action wrapper in words.
  const big = await readActionAnswer(
    await page.request.post(url, {
      headers: save.headers,
      data: save.body.replace("mid", "x".repeat(2 * 1024 * 1024)),
    }),
  );
  expect(big.status).toBe(200);
  expect(big.message).toBe(TOO_LARGE_MESSAGE);

  // 11 MB: refused by the middleware from its Content-Length, before the body is read.
  const huge = await page.request.post(url, {
    headers: save.headers,
    data: save.body.replace("mid", "y".repeat(11 * 1024 * 1024)),
  });
  expect(huge.status()).toBe(413);
  expect(await huge.text()).toBe(TOO_LARGE_MESSAGE);

  expect(await profileRow(user.id)).toEqual(saved);
  await deleteUser(user.id);
});

test("every server action refuses malformed arguments in words and changes nothing", async ({ page }) => {
  const user = await createConfirmedUser();
  await signIn(page, user, "/account");
  await expect(page).toHaveURL(/\/account$/);
  const before = await profileRow(user.id);
  const actions = serverActions();
  // The account, auth, wizard and two-factor actions, whatever the pages in this build render.
  expect(actions.length).toBeGreaterThanOrEqual(15);
  for (const action of actions) {
    for (const body of MALFORMED_ARGUMENTS) {
      const response = await page.request.post("/account", {
        headers: {
          "Next-Action": action.id,
          Accept: "text/x-component",
          Origin: new URL(page.url()).origin,
          "Content-Type": "text/plain;charset=UTF-8",
        },
        data: body,
        maxRedirects: 0,
      });
      const answer = await readActionAnswer(response);
      const label = `${action.name} ${body}`;
      expect(answer.status, label).toBeLessThan(500);
      expect(answer.ok, label).not.toBe(true);
      expect(answer.message, label).toBe(NOT_A_FORM_MESSAGE);
    }
  }
  // Nothing happened to the account: same profile, same email, this session still signed in.
  expect(await profileRow(user.id)).toEqual(before);
  const { data } = await adminClient().auth.admin.getUserById(user.id);
  expect(data.user?.email).toBe(user.email);
  expect(data.user?.factors ?? []).toEqual([]);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account$/);
  await deleteUser(user.id);
});

test("a path with a broken percent-encoding is a 404, signed in or not", async ({ page }) => {
  const anonymous = await page.request.get("/onboarding/%E0%A4%A", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(404);
  const user = await createConfirmedUser();
  await signIn(page, user, "/onboarding");
  const response = await page.goto("/onboarding/%E0%A4%A");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await deleteUser(user.id);
});
