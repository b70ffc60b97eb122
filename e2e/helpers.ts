import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { DATA_DIR, E2E_ENV, PASSWORD, ROOT } from "./env";

/** The real CLI against the server's database file (the server keeps running: WAL allows it). */
export function cli(args: string[], input = ""): string {
  return execFileSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "cli/index.ts", ...args], {
    cwd: ROOT,
    input,
    env: { ...process.env, ...E2E_ENV },
    encoding: "utf8",
  });
}

/**
 * The authenticator of each e2e user with a second factor: its secret, the recovery codes it was
 * shown, and the last time step used (the server takes a code once, so the next login waits
 * for the next 30-second step).
 */
type Authenticator = { secret: string; recoveryCodes: string[]; lastStep: number };
const authenticatorFile = (username: string) => path.join(DATA_DIR, `totp-${username}.json`);
export function authenticator(username: string): Authenticator | null {
  const file = authenticatorFile(username);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Authenticator) : null;
}
const saveAuthenticator = (username: string, value: Authenticator) => writeFileSync(authenticatorFile(username), JSON.stringify(value));

/** A code of a time step not used before by this user (waits for the next step when needed). */
export async function freshCode(username: string): Promise<string> {
  const stored = authenticator(username) as Authenticator;
  let step = Math.floor(Date.now() / 30_000);
  while (step <= stored.lastStep) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    step = Math.floor(Date.now() / 30_000);
  }
  saveAuthenticator(username, { ...stored, lastStep: step });
  return new TOTP({ secret: Secret.fromBase32(stored.secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: step * 30_000 + 1000 });
}

/** On the enrollment page: reads the secret, confirms with a code, keeps the recovery codes, continues. */
export async function enrollSecondFactor(page: Page, username: string) {
  const secret = (await page.getByTestId("totp-secret").innerText()).trim();
  saveAuthenticator(username, { secret, recoveryCodes: [], lastStep: -1 });
  await page.getByLabel("应用显示的 6 位验证码").fill(await freshCode(username));
  await page.getByRole("button", { name: "启用" }).click();
  const codes = page.getByTestId("recovery-codes").locator("li");
  await expect(codes).toHaveCount(10);
  saveAuthenticator(username, { ...(authenticator(username) as Authenticator), recoveryCodes: await codes.allInnerTexts() });
  await page.getByRole("link", { name: "我已保存，继续" }).click();
}

/** The second step of a login, where the user's role or choice asks for it. */
async function secondFactor(page: Page, username: string) {
  if (await page.getByTestId("totp-secret").count()) return enrollSecondFactor(page, username);
  await page.getByLabel("验证码或恢复码").fill(await freshCode(username));
  await page.getByRole("button", { name: "验证" }).click();
}

/**
 * A user with a second factor keeps its session between tests (cookies saved after its login):
 * a fresh login would wait for the next 30-second step, as the server takes each code once.
 * The session is checked first; a logged-out or expired one is replaced by a full login.
 */
const sessionFile = (username: string) => path.join(DATA_DIR, `session-${username}.json`);
async function resumeSession(page: Page, username: string): Promise<boolean> {
  if (!authenticator(username) || !existsSync(sessionFile(username))) return false;
  await page.context().addCookies(JSON.parse(readFileSync(sessionFile(username), "utf8")));
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { name?: string; mustChangePassword?: boolean } } | null;
  if (session?.user?.name === username && !session.user.mustChangePassword) {
    await page.goto("/");
    return true;
  }
  await page.context().clearCookies();
  return false;
}

export async function login(page: Page, username: string, password = PASSWORD) {
  if (await resumeSession(page, username)) return;
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  // The login redirects to its landing page (/todo) and from there, for a second factor, on to /login/2fa: wait for
  // where it settles (the application's header, the password change, or the code's page).
  const secondFactorPage = page.getByRole("heading", { name: "双因素登录", level: 1 });
  await expect(page.getByTestId("current-user").or(page.getByTestId("must-change-notice")).or(secondFactorPage).first()).toBeVisible();
  if (await secondFactorPage.isVisible()) await secondFactor(page, username);
  await expect(page).not.toHaveURL(/\/login/);
  if (authenticator(username)) writeFileSync(sessionFile(username), JSON.stringify(await page.context().cookies()));
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
