import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { E2E_ENV, PASSWORD, ROOT } from "./env";

/** The real CLI against the server's database file (the server keeps running: WAL allows it). */
export function cli(args: string[], input = ""): string {
  return execFileSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "cli/index.ts", ...args], {
    cwd: ROOT,
    input,
    env: { ...process.env, ...E2E_ENV },
    encoding: "utf8",
  });
}

export async function login(page: Page, username: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Fails the test on any script blocked by the Content-Security-Policy. */
export function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}
