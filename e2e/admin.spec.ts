import { expect, test } from "@playwright/test";
import { ADMIN_PASSWORD, PASSWORD } from "./env";
import { login } from "./helpers";

test("an admin adds an agency and a user; the new user must change the given password", async ({ page, browser }) => {
  await login(page, "admin", ADMIN_PASSWORD);
  await page.goto("/admin/agencies");
  const agencyForm = page.getByRole("form", { name: "添加机构" });
  await agencyForm.getByLabel("机构代码").fill("health");
  await agencyForm.getByLabel("机构名称").fill("某县卫生健康委员会");
  await agencyForm.getByLabel("上级机构").selectOption({ label: "某县人民政府" });
  await agencyForm.getByRole("button", { name: "添加机构" }).click();
  await expect(agencyForm.getByTestId("form-success")).toContainText("已添加机构");
  await page.screenshot({ path: "test-results/screens/admin-agencies.png", fullPage: true });

  await page.goto("/admin/users");
  const userForm = page.getByRole("form", { name: "添加用户" });
  await userForm.getByLabel("用户名").fill("newclerk");
  await userForm.getByLabel("姓名").fill("王五");
  await userForm.getByLabel("所属机构").selectOption({ label: "　某县卫生健康委员会" });
  await userForm.getByRole("button", { name: "添加用户" }).click();
  const message = await userForm.getByTestId("form-success").innerText();
  const password = /初始密码：(\S+?)（/.exec(message)?.[1];
  expect(password).toBeTruthy();
  await page.screenshot({ path: "test-results/screens/admin-users.png", fullPage: true });

  const other = await browser.newPage();
  await other.goto("/login");
  await other.getByLabel("用户名").fill("newclerk");
  await other.getByLabel("密码").fill(password as string);
  await other.getByRole("button", { name: "登录" }).click();
  await expect(other).toHaveURL(/\/account\/password/);
  await other.close();
});

test("an invalid agency code is shown under its field, values kept", async ({ page }) => {
  await login(page, "admin", ADMIN_PASSWORD);
  await page.goto("/admin/agencies");
  const form = page.getByRole("form", { name: "添加机构" });
  await form.getByLabel("机构代码").fill("有 空格");
  await form.getByLabel("机构名称").fill("测试机构");
  await form.getByRole("button", { name: "添加机构" }).click();
  await expect(form.getByText("机构代码只能包含字母、数字、下划线、点和连字符")).toBeVisible();
  await expect(form.getByLabel("机构名称")).toHaveValue("测试机构");
  await expect(form.getByLabel("机构代码")).toHaveAttribute("aria-invalid", "true");
});

test("disabling a user ends its session at once", async ({ page, browser }) => {
  const victim = await browser.newPage();
  await login(victim, "victim", PASSWORD);
  await victim.goto("/");
  await expect(victim.getByTestId("current-user")).toBeVisible();

  await login(page, "admin", ADMIN_PASSWORD);
  await page.goto("/admin/users");
  const row = page.locator('tr[data-username="victim"]');
  await row.getByRole("button", { name: "停用" }).click();
  await expect(row.getByTestId("form-success")).toContainText("已停用");

  await victim.goto("/");
  await expect(victim).toHaveURL(/\/login/);
  await victim.close();

  await row.getByRole("button", { name: "启用" }).click();
  await expect(row.getByText("正常")).toBeVisible();
});

test("the audit log shows an intact chain", async ({ page }) => {
  await login(page, "super1");
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-chain")).toContainText("审计链完整");
  await page.screenshot({ path: "test-results/screens/audit.png", fullPage: false });
});
