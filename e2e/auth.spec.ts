import { expect, test } from "@playwright/test";
import { BASE_URL, PASSWORD } from "./env";
import { login, logout, watchCsp } from "./helpers";

test.describe("login and logout as each role", () => {
  for (const [username, roleLabel, sees, doesNotSee] of [
    ["clerk1", "经办人", [], ["用户管理", "审计日志"]],
    ["super1", "审核负责人", ["审计日志"], ["用户管理"]],
    ["auditor1", "审计员", ["审计日志"], ["用户管理", "机构管理"]],
    ["admin2", "系统管理员", ["用户管理", "机构管理", "审计日志"], []],
  ] as const) {
    test(`${username} (${roleLabel})`, async ({ page }) => {
      const violations = watchCsp(page);
      await login(page, username);
      await expect(page.getByTestId("current-user")).toContainText(roleLabel);
      const nav = page.getByRole("navigation", { name: "主导航" });
      for (const label of sees) await expect(nav.getByRole("link", { name: label })).toBeVisible();
      for (const label of doesNotSee) await expect(nav.getByRole("link", { name: label })).toHaveCount(0);
      await logout(page);
      await page.goto("/");
      await expect(page).toHaveURL(/\/login/);
      expect(violations).toEqual([]);
    });
  }
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill("clerk1");
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("form-error")).toContainText("用户名或密码不正确");
  await expect(page.getByLabel("用户名")).toHaveValue("clerk1");
});

test("anonymous visits are redirected to the login page", async ({ page }) => {
  for (const path of ["/", "/admin/users", "/admin/agencies", "/admin/audit", "/account/password", "/requests"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/login/);
  }
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/callbackUrl=%2Fadmin%2Fusers/);
});

test("a callbackUrl that a browser reads as another host leads to the landing page, 我的待办 (issue 12, item 5)", async ({ page }) => {
  const hostile = "/login?callbackUrl=%2F%09%2Fevil.example";
  await page.goto(hostile);
  await page.getByLabel("用户名").fill("clerk1");
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(`${BASE_URL}/todo`);

  const again = await page.request.get(hostile, { maxRedirects: 0 });
  expect(again.status()).toBe(307);
  expect(again.headers()["location"]).toBe("/todo");
});

test("a clerk is refused on the admin pages by URL, by the server", async ({ page }) => {
  await login(page, "clerk1");
  for (const path of ["/admin/users", "/admin/agencies", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "无权访问（403）" })).toBeVisible();
  }
});

test("security headers on every page", async ({ page }) => {
  const response = await page.goto("/login");
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBeTruthy();
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("Strict-Transport-Security only when a proxy says the request came over HTTPS (issue 12, item 6)", async ({ request }) => {
  // A page, a route handler and the proxy's own redirect of an anonymous visit.
  for (const path of ["/login", "/api/audit/verify", "/requests"]) {
    const viaHttps = await request.get(path, { headers: { "X-Forwarded-Proto": "https" }, maxRedirects: 0 });
    expect(viaHttps.headers()["strict-transport-security"], path).toBe("max-age=31536000; includeSubDomains");
    const plain = await request.get(path, { maxRedirects: 0 });
    expect(plain.headers()["strict-transport-security"], path).toBeUndefined();
  }
});

test("route handlers answer 401 and 403 themselves, never a redirect", async ({ page, request }) => {
  const anonymous = await request.get("/api/audit/verify", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(401);

  await login(page, "clerk1");
  const clerk = await page.request.get("/api/audit/verify", { maxRedirects: 0 });
  expect(clerk.status()).toBe(403);
  await logout(page);

  await login(page, "auditor1");
  const auditor = await page.request.get("/api/audit/verify", { maxRedirects: 0 });
  expect(auditor.status()).toBe(200);
  expect(await auditor.json()).toEqual({ ok: true, break: null });
});
