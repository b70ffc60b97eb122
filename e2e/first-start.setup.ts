import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { ADMIN_PASSWORD, PASSWORD, SERVER_LOG } from "./env";
import { cli, enrollSecondFactor } from "./helpers";

/**
 * The first start on an empty database: the server printed a one-time admin password; logging
 * in with it forces a password change before anything else. Then the users of the other specs
 * are added through the CLI.
 */
test("first-start admin must change its password before using the system", async ({ page }) => {
  const log = readFileSync(SERVER_LOG, "utf8");
  const printed = /初始密码 password: (\S+)/.exec(log)?.[1];
  expect(printed, "the server console shows the one-time password").toBeTruthy();

  await page.goto("/login");
  await page.getByLabel("用户名").fill("admin");
  await page.getByLabel("密码").fill(printed as string);
  await page.getByRole("button", { name: "登录" }).click();

  // An admin must set up its second factor first: a page of its own, and no user in the session until then.
  await expect(page).toHaveURL(/\/login\/2fa$/);
  expect((await (await page.request.get("/api/auth/session")).json())?.user).toBeUndefined();
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login\/2fa$/);
  await expect(page.getByRole("img", { name: "二维码" }).locator("svg")).toBeVisible();
  await page.getByLabel("应用显示的 6 位验证码").fill("000000");
  await page.getByRole("button", { name: "启用" }).click();
  await expect(page.getByTestId("form-error")).toContainText("验证码不正确");
  await page.screenshot({ path: "test-results/screens/2fa-enroll.png" });
  await enrollSecondFactor(page, "admin");

  await expect(page).toHaveURL(/\/account\/password/);
  await expect(page.getByTestId("must-change-notice")).toBeVisible();

  // Every other page sends it back here until the password is changed.
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/account\/password/);

  await page.getByLabel("当前密码").fill(printed as string);
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill("short");
  await page.getByLabel("再次输入新密码").fill("short");
  await page.getByRole("button", { name: "保存新密码" }).click();
  await expect(page.getByText("密码至少 10 位").first()).toBeVisible();

  await page.getByLabel("当前密码").fill(printed as string);
  await page.getByRole("textbox", { name: "新密码", exact: true }).fill(ADMIN_PASSWORD);
  await page.getByLabel("再次输入新密码").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "保存新密码" }).click();
  await expect(page).toHaveURL(/\/(\?.*)?$/);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "用户管理" })).toBeVisible();
});

test("agencies and users for the other specs", () => {
  cli(["agency", "add", "--code", "county", "--name", "某县人民政府"]);
  cli(["agency", "add", "--code", "edu", "--name", "某县教育局", "--parent", "county"]);
  cli(["agency", "add", "--code", "other", "--name", "另一县人民政府"]);
  for (const [username, role, agency] of [
    ["clerk1", "clerk", "edu"],
    ["super1", "supervisor", "county"],
    ["auditor1", "auditor", "county"],
    ["admin2", "admin", "county"],
    ["victim", "clerk", "edu"],
    ["clerk2", "clerk", "edu"],
    ["outsider", "clerk", "other"],
    // edu's two supervisors: 审核 and 签发 are two people (e2e/work.spec.ts).
    ["lead1", "supervisor", "edu"],
    ["lead2", "supervisor", "edu"],
  ]) {
    cli(["user", "add", "--username", username, "--role", role, "--agency", agency], `${PASSWORD}\n`);
  }
});
