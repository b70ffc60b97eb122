import { expect, test } from "@playwright/test";
import { ADMIN_PASSWORD } from "./env";
import { login } from "./helpers";

/**
 * Every page at the clerk's 1366×768: nothing scrolls sideways. The screenshots land in
 * test-results/screens/ for a person to look at.
 */
async function noSidewaysScroll(page: import("@playwright/test").Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(1366);
}

test("login page", async ({ page }) => {
  await page.goto("/login");
  await noSidewaysScroll(page);
  await page.screenshot({ path: "test-results/screens/login.png" });
});

test("admin pages", async ({ page }) => {
  await login(page, "admin", ADMIN_PASSWORD);
  for (const [path, name] of [
    ["/", "home"],
    ["/admin/agencies", "agencies"],
    ["/admin/users", "users"],
    ["/admin/audit", "audit-log"],
    ["/account/password", "password"],
  ]) {
    await page.goto(path);
    await noSidewaysScroll(page);
    await page.screenshot({ path: `test-results/screens/${name}.png` });
  }
});

test("forbidden page", async ({ page }) => {
  await login(page, "clerk1");
  await page.goto("/admin/users");
  await page.screenshot({ path: "test-results/screens/forbidden.png" });
});

test("report page and its print view", async ({ page }) => {
  await login(page, "super1");
  await page.goto("/reports/2024");
  await noSidewaysScroll(page);
  await page.screenshot({ path: "test-results/screens/report-page.png" });
  await page.goto("/reports/2024/export?format=html");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("年政府信息公开工作年度报告");
  await page.screenshot({ path: "test-results/screens/report-print.png", fullPage: true });
});
