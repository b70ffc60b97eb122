import { writeFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, type APIResponse, expect, test } from "@playwright/test";
import { BASE_URL, DATA_DIR, PASSWORD } from "./env";
import { cli, login } from "./helpers";

/**
 * Issue 13, item 5: crafted input against the production server. Each request is answered with
 * a page, a 4xx or an error shown in the form — never HTTP 500, never a stack trace.
 */

/** What a stack trace or a raw server error looks like in a response body. */
const STACK = /\bat [\w.$<>[\]]+ \(|\.next\/server|node_modules\/|SqliteError|TypeError|ERR_INVALID_URL|InvalidCallbackUrl|\/work\//;

async function expectAnswered(response: APIResponse, what: string) {
  expect(response.status(), `${what}: not a server error`).toBeLessThan(500);
  expect(await response.text(), `${what}: no stack trace`).not.toMatch(STACK);
}

test.beforeAll(() => {
  const file = path.join(DATA_DIR, "crafted-ledger.csv");
  writeFileSync(file, "serial,received_date,applicant_type,applicant_name,content\nCRAFT-1,2025-03-03,natural,张三,申请公开abc文件\n");
  cli(["import", "requests", file, "--agency", "edu"]);
});

test("a NUL in the register's search is ignored: /requests?q=%00abc lists the match", async ({ page }) => {
  await login(page, "clerk1");
  for (const q of ["%00abc", "a%00bc", "abc%00", "%00"]) await expectAnswered(await page.request.get(`/requests?q=${q}`), `q=${q}`);
  await page.goto("/requests?q=%00abc");
  await expect(page.getByLabel("关键词")).toHaveValue("abc");
  await expect(page.getByTestId("requests-table").getByRole("link", { name: "CRAFT-1" })).toBeVisible();
});

test("a page number out of range is clamped: /admin/audit?page=1e308, /requests?page=1e308", async ({ page }) => {
  await login(page, "super1");
  for (const url of ["/admin/audit?page=1e308", "/admin/audit?page=-1", "/admin/audit?page=abc", "/requests?page=1e308", "/requests?page=Infinity"]) {
    await expectAnswered(await page.request.get(url), url);
  }
  await page.goto("/admin/audit?page=1e308");
  await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
});

test("other crafted query strings: a name of Object.prototype, repeated and control-character parameters", async ({ page }) => {
  await login(page, "clerk1");
  await page.goto("/requests?q=CRAFT-1");
  const id = await page.locator("[data-request-id]").first().getAttribute("data-request-id");
  for (const url of [
    `/requests/${id}?saved=constructor`,
    `/requests/${id}?saved=created&saved=x`,
    "/requests/%00",
    "/appeals?from=2024-01-01&from=x&to=%00&agency=%00",
    "/reports/2025?period=%00&children=%00",
    "/reports/1e308",
  ]) {
    await expectAnswered(await page.request.get(url), url);
  }
  await page.goto(`/requests/${id}?saved=constructor`);
  await expect(page.getByText("function Object")).toHaveCount(0);
});

/** Auth.js's own login (interfaces.md) with a CSRF token; returns the response to the POST. */
async function credentialsLogin(request: APIRequestContext, callbackUrl: string, query = "") {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post(`/api/auth/callback/credentials${query}`, { form: { csrfToken, username: "clerk2", password: PASSWORD, callbackUrl }, maxRedirects: 0 });
}

test.describe("a callbackUrl with a newline", () => {
  test("on the login page, anonymous and signed in", async ({ page, request }) => {
    for (const url of ["/login?callbackUrl=%0A%2Frequests", "/login?callbackUrl=%2Frequests%0D%0ASet-Cookie%3Ax%3D1", "/login?callbackUrl=%0A&callbackUrl=%0A"]) {
      await expectAnswered(await request.get(url), `anonymous ${url}`);
    }
    await login(page, "clerk1");
    const signedIn = await page.request.get("/login?callbackUrl=%0A%2Frequests", { maxRedirects: 0 });
    expect(signedIn.status()).toBe(307);
    expect(signedIn.headers()["location"]).toBe("/todo");
  });

  test("in Auth.js's routes: the query parameter, the form field and the cookie", async ({ request, playwright }) => {
    await expectAnswered(await request.get("/api/auth/signin?callbackUrl=%0A%2Fx"), "GET /api/auth/signin");

    const field = await credentialsLogin(request, "\n/requests");
    await expectAnswered(field, "POST callback/credentials with the field");
    expect(field.headers()["location"], "logged in, sent to a page of this origin").not.toMatch(/error=/);
    expect(((await (await request.get("/api/auth/session")).json()) as { user?: { name: string } }).user?.name).toBe("clerk2");

    const fresh = await playwright.request.newContext({ baseURL: BASE_URL });
    const query = await credentialsLogin(fresh, "/", "?callbackUrl=%0A%2Fx");
    await expectAnswered(query, "POST callback/credentials with the query parameter");
    await fresh.dispose();

    const withCookie = await playwright.request.newContext({
      baseURL: BASE_URL,
      extraHTTPHeaders: { cookie: "authjs.callback-url=%0A%2Fx" },
    });
    await expectAnswered(await withCookie.get("/api/auth/signin"), "GET /api/auth/signin with the cookie");
    await withCookie.dispose();
  });

  test("in the login form's hidden field: logged in and sent to the landing page", async ({ page }) => {
    await page.goto("/login?callbackUrl=%2Frequests");
    await page.locator('input[name="callbackUrl"]').evaluate((input: HTMLInputElement) => {
      input.value = "\n/requests\r\nX: y";
    });
    await page.getByLabel("用户名").fill("clerk2");
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/todo$/);
    await expect(page.getByTestId("current-user")).toBeVisible();
  });
});

test("a NUL in an uploaded file's name: the preview names the file without it", async ({ page }) => {
  await login(page, "super1");
  await page.goto("/requests/import");
  const csv = "serial,received_date,applicant_type,applicant_name,content\nCRAFT-2,2025-03-04,natural,李四,申请公开\n";
  const posts: number[] = [];
  page.on("response", (response) => {
    if (response.request().method() === "POST") posts.push(response.status());
  });
  await page.locator('input[type="file"]').setInputFiles({ name: "a\u0000b\n.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.getByRole("heading", { name: "预览：ab.csv" })).toBeVisible();
  expect(posts.every((status) => status < 500)).toBe(true);
});

test("a refused Server Action (the session ended meanwhile) shows its error in the form, not HTTP 500", async ({ page }) => {
  await login(page, "clerk2");
  await page.goto("/requests/new");
  // End the session row through Auth.js's sign-out, then put the (now dead) token back: the proxy
  // lets the request through, and the action itself must refuse it.
  const cookies = await page.context().cookies();
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await page.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  await page.context().addCookies(cookies);

  const posts: number[] = [];
  page.on("response", (response) => {
    if (response.request().method() === "POST") posts.push(response.status());
  });
  await page.getByRole("button", { name: "登记", exact: true }).click();
  await expect(page.getByTestId("form-error")).toContainText("登录已失效，请重新登录");
  expect(posts.length).toBeGreaterThan(0);
  expect(posts.every((status) => status < 500)).toBe(true);
  await expect(page.getByTestId("error-page")).toHaveCount(0);
});
