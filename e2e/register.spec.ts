import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { ROOT } from "./env";
import { login } from "./helpers";

const unique = () => `E2E${Date.now().toString(36)}`;

async function register(page: Page, word: string) {
  await page.goto("/requests/new");
  const form = page.getByRole("form", { name: "登记" });
  await form.getByLabel("姓名或名称").fill("测试申请人");
  await form.getByLabel("联系电话").fill("13812345678");
  await form.getByLabel("证件号码").fill("11010519491231002X");
  await form.getByLabel(/申请公开的政府信息/).fill(`申请公开${word}项目的环评批复`);
  await form.getByRole("button", { name: "登记" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("已登记");
  return page.url().split("/requests/")[1].split("?")[0];
}

test("a clerk registers a request and finds it again by search", async ({ page }) => {
  await login(page, "clerk1");
  const word = unique();
  const id = await register(page, word);
  await expect(page.getByTestId("phone")).toHaveText("13812345678");
  await expect(page.getByTestId("timeline")).toContainText("登记申请");
  await page.screenshot({ path: "test-results/screens/request-page.png", fullPage: true });

  await page.goto("/requests");
  await page.getByRole("search").getByLabel("关键词").fill(word);
  await page.getByRole("button", { name: "查询" }).click();
  const rows = page.locator("tbody tr[data-request-id]");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-request-id", id);
  await page.screenshot({ path: "test-results/screens/register-search.png" });
  await rows.first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/requests/${id}`));
});

test("bad input is shown under its field and the values are kept", async ({ page }) => {
  await login(page, "clerk1");
  await page.goto("/requests/new");
  const form = page.getByRole("form", { name: "登记" });
  await form.getByLabel("姓名或名称").fill("张三");
  await form.getByLabel("证件号码").fill("110105194912310021");
  await form.getByLabel("联系电话").fill("12345");
  await form.getByRole("button", { name: "登记" }).click();
  await expect(form.getByText("居民身份证号码校验位不正确或出生日期无效")).toBeVisible();
  await expect(form.getByText(/联系电话格式不正确/)).toBeVisible();
  await expect(form.getByText("请填写申请内容")).toBeVisible();
  await expect(form.getByLabel("姓名或名称")).toHaveValue("张三");
  await page.screenshot({ path: "test-results/screens/register-errors.png", fullPage: true });
});

test("a clerk may not issue a reply directly; a supervisor records one issued outside the system, and 区分处理 forces 部分公开", async ({ page, browser }) => {
  await login(page, "clerk1");
  const id = await register(page, unique());
  // The clerk's form offers only the abandonments (the server refuses a reply from a clerk: lib/requests/mutations.test.ts).
  const mine = page.getByRole("form", { name: "办结" });
  await expect(mine.getByRole("radio", { name: "予以公开" })).toHaveCount(0);
  await mine.getByRole("radio", { name: "其他处理" }).check();
  await expect(mine.getByLabel("具体情形").locator("option")).toHaveText(["（请选择一项）", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]);

  const lead = await browser.newPage();
  await login(lead, "lead1");
  await lead.goto(`/requests/${id}`);
  await lead.setViewportSize({ width: 1366, height: 768 });
  await conclude(lead);
  await lead.close();
});

async function conclude(page: Page) {
  const form = page.getByRole("form", { name: "办结" });
  await form.getByRole("radio", { name: "予以公开" }).check();
  await form.getByLabel(/部分内容依据《条例》第十四、十五、十六条不予公开/).check();
  await form.getByRole("button", { name: "办结" }).click();
  await expect(form.getByText(/应计为“部分公开”/).first()).toBeVisible();

  await form.getByRole("radio", { name: "不予公开" }).check();
  await form.getByLabel("具体情形").selectOption({ label: "6.属于四类过程性信息" });
  await form.getByLabel("答复文号").fill("某政公开〔2026〕1号");
  await form.getByRole("button", { name: "办结" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("已办结");
  await expect(page.getByTestId("outcome")).toHaveText("6.属于四类过程性信息");
  await expect(page.getByText("已办结").first()).toBeVisible();
}

test("a withdrawal concludes as 其他 on the day it was received", async ({ page }) => {
  await login(page, "clerk1");
  await register(page, unique());
  const form = page.getByRole("form", { name: "申请人撤回" });
  await form.getByRole("button", { name: "登记撤回" }).click();
  await expect(page.getByTestId("outcome")).toHaveText("3.其他");
  await expect(page.getByTestId("timeline")).toContainText("申请人撤回申请");
});

test("a stale edit is refused and overwrites nothing", async ({ page, browser }) => {
  await login(page, "clerk1");
  const id = await register(page, unique());
  const other = await browser.newPage();
  await login(other, "clerk2");
  await other.goto(`/requests/${id}/edit`);
  await page.goto(`/requests/${id}/edit`);

  await page.getByLabel("备注").fill("第一位的修改");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("已保存修改");

  await other.getByLabel("备注").fill("第二位的修改");
  await other.getByRole("button", { name: "保存修改" }).click();
  await expect(other.getByTestId("form-error")).toContainText("已被他人修改");
  await other.close();

  await page.goto(`/requests/${id}`);
  await expect(page.getByText("第一位的修改")).toBeVisible();
  await expect(page.getByText("第二位的修改")).toHaveCount(0);
});

test("a clerk of another agency gets 404 for a request's URL", async ({ page, browser }) => {
  await login(page, "clerk1");
  const id = await register(page, unique());
  const outsider = await browser.newPage();
  await login(outsider, "outsider");
  const response = await outsider.goto(`/requests/${id}`);
  expect(response?.status()).toBe(404);
  const edit = await outsider.goto(`/requests/${id}/edit`);
  expect(edit?.status()).toBe(404);
  await outsider.goto("/requests");
  await expect(outsider.locator(`[data-request-id="${id}"]`)).toHaveCount(0);
  await outsider.close();
});

test("a supervisor uploads a ledger: errors listed first, then a preview, then the import", async ({ page }) => {
  await login(page, "super1");
  await page.goto("/requests/import");
  const upload = page.getByRole("form", { name: "上传台账" });
  await upload.getByLabel(/台账文件/).setInputFiles({
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("编号,收到日期,申请人类型,申请人,申请内容,经办科室\nX-1,2024-02-30,自然人,甲,内容,办公室\nX-1,2024-03-01,机关,乙,内容,办公室\n"),
  });
  await upload.getByRole("button", { name: "上传并预览" }).click();
  const errors = page.getByTestId("import-errors");
  await expect(errors).toContainText("无法识别的列「经办科室」");
  await expect(page.getByRole("button", { name: "确认导入" })).toHaveCount(0);

  await upload.getByLabel(/台账文件/).setInputFiles(path.join(ROOT, "db", "seed-data", "queshan-2024", "requests.csv"));
  await upload.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.getByTestId("import-preview")).toContainText("将新增 38 条");
  await page.screenshot({ path: "test-results/screens/import-preview.png", fullPage: true });
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("form-success")).toContainText("新增 38 条");

  // The seed's 38 serials are YYYY-000NN (7 of 2023, 28 of 2024, 3 of 2025); other tests import
  // ledgers of their own (serials PREFIX-000001…) into the same database, so each year is searched.
  let withheldRows = 0;
  for (const [year, count] of [["2023", 7], ["2024", 28], ["2025", 3]] as const) {
    await page.goto(`/requests?q=${year}-000`);
    await expect(page.locator("tbody tr[data-request-id]")).toHaveCount(count);
    // The outcome filter narrows the search (the seed has 7 rows 不予公开·法律法规禁止).
    await page.goto(`/requests?q=${year}-000&outcome=withhold_law`);
    withheldRows += await page.locator("tbody tr[data-request-id]").count();
  }
  expect(withheldRows).toBe(7);
  await page.goto("/requests");
  await page.screenshot({ path: "test-results/screens/register.png" });

  // The imported ledger feeds the year's tables at once, checks passing.
  await page.goto("/reports/2024");
  await expect(page.locator('[data-testid="table-applications"] tr[data-row="new"] td[data-column="total"]')).toHaveText("28");
  await expect(page.locator('[data-check="balance"]')).toHaveAttribute("data-ok", "true");
  await page.screenshot({ path: "test-results/screens/report.png", fullPage: true });

  // Drill-down: a cell of table 三 opens the register filtered to exactly the requests it counts.
  const withheld = page.locator('[data-testid="table-applications"] tr[data-row="withhold_law"] td[data-column="natural"]');
  await expect(withheld).toHaveText("7");
  await withheld.getByRole("link").click();
  await expect(page).toHaveURL(/outcome=withhold_law/);
  await expect(page.locator("tbody tr[data-request-id]")).toHaveCount(7);
  await expect(page.getByText(/共 7 条/)).toBeVisible();
});
