import { expect, test } from "@playwright/test";
import { login } from "./helpers";

test("a supervisor enters section 二 figures; the report shows them with the 现行有效 check", async ({ page }) => {
  await login(page, "super1");
  await page.goto("/reports/2023/figures");
  const form = page.getByRole("form", { name: "二、主动公开政府信息情况" });
  await form.locator('input[name="normative_documents.in_force"]').fill("45");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByTestId("form-success")).toBeVisible();

  await page.goto("/reports/2024/figures");
  await form.locator('input[name="normative_documents.issued"]').fill("3");
  await form.locator('input[name="normative_documents.in_force"]').fill("49");
  await form.locator('input[name="admin_fees.amount_10k_yuan"]').fill("4749.8742");
  await form.locator('input[name="licensing.decisions"]').fill("abc");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByText("应为数字")).toBeVisible();
  await form.locator('input[name="licensing.decisions"]').fill("3866");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByTestId("form-success")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/report-figures.png", fullPage: true });

  await page.goto("/reports/2024");
  const table = page.getByTestId("table-proactive");
  await expect(table).toContainText("4749.8742");
  await expect(table).toContainText("3866");
  await expect(page.locator('[data-check="in_force_normative_documents"]')).toHaveAttribute("data-ok", "false");
});

test("a clerk records a reconsideration on the request page; it appears in the appeals list and table 四", async ({ page }) => {
  await login(page, "clerk1");
  await page.goto("/requests/new");
  const registration = page.getByRole("form", { name: "登记" });
  await registration.getByLabel("姓名或名称").fill("复议申请人");
  await registration.getByLabel(/申请公开的政府信息/).fill("申请公开某批复（复议测试）");
  await registration.getByRole("button", { name: "登记" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("已登记");

  const form = page.getByRole("form", { name: "登记复议诉讼案件" });
  const caseNumber = `（2026）复E2E${Date.now() % 100000}号`;
  await form.getByLabel("案号").fill(caseNumber);
  const today = await form.getByLabel("收案日期").evaluate(() => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
  await form.getByLabel("收案日期").fill(today);
  await form.getByLabel("决定类型").selectOption("撤销");
  await form.getByRole("button", { name: "保存案件" }).click();
  await expect(form.getByText("已审结的案件须填写审结日期")).toBeVisible();
  await form.getByLabel("审结日期").fill(today);
  await form.getByRole("button", { name: "保存案件" }).click();
  await expect(page.getByTestId("request-appeals")).toContainText(caseNumber);
  await expect(page.getByTestId("request-appeals")).toContainText("纠正");

  // 修改 in two tabs at once: the first save wins, the second is told the case changed.
  await page.getByTestId("request-appeals").getByRole("link", { name: "修改" }).click();
  const edit = page.getByRole("form", { name: "修改复议诉讼案件" });
  await expect(edit.getByLabel("案号")).toHaveValue(caseNumber);
  const second = await page.context().newPage();
  await second.goto(page.url());
  await edit.getByLabel("决定类型").selectOption("部分撤销");
  await page.screenshot({ path: "test-results/screens/appeal-edit.png" });
  await edit.getByRole("button", { name: "保存案件" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("已保存案件");
  await expect(page.getByTestId("request-appeals")).toContainText("部分撤销");
  const stale = second.getByRole("form", { name: "修改复议诉讼案件" });
  await stale.getByLabel("审结日期").fill(today);
  await stale.getByRole("button", { name: "保存案件" }).click();
  await expect(stale.getByTestId("form-error")).toContainText("已被他人修改");
  await second.close();
  await page.reload();
  await expect(page.getByTestId("request-appeals")).toContainText("部分撤销");

  await page.goto("/appeals?kind=review");
  await expect(page.getByTestId("appeals-table")).toContainText(caseNumber);
  await page.screenshot({ path: "test-results/screens/appeals.png" });
  await page.goto(`/reports/${today.slice(0, 4)}`);
  const corrected = page.locator('[data-testid="table-appeals"] td[data-group="review"][data-column="corrected"]');
  const count = Number(await corrected.innerText());
  expect(count).toBeGreaterThan(0);
  await corrected.getByRole("link").click();
  await expect(page.getByTestId("appeals-count")).toContainText(`共 ${count} 件`);
  await expect(page.locator("tbody tr[data-appeal-id]")).toHaveCount(count);
});

test("the report downloads in each format; anonymous callers get 401", async ({ page, request }) => {
  expect((await request.get("/reports/2024/export?format=json", { maxRedirects: 0 })).status()).toBe(401);
  await login(page, "super1");
  for (const [format, type] of [
    ["xlsx", "spreadsheetml"],
    ["html", "text/html"],
    ["csv", "text/csv"],
    ["json", "application/json"],
    ["docx", "wordprocessingml"],
  ]) {
    const response = await page.request.get(`/reports/2024/export?format=${format}`);
    expect(response.status(), format).toBe(200);
    expect(response.headers()["content-type"]).toContain(type);
  }
  const json = await (await page.request.get("/reports/2024/export?format=json")).json();
  expect(json.applications.rows.new[6]).toBe(json.applications.rows.new.slice(0, 6).reduce((a: number, b: number) => a + b, 0));
  expect((await page.request.get("/reports/2024/export?format=pdf")).status()).toBe(400);
});

test("finalize the year, change a record, and see the report outdated with the cells that differ", async ({ page }) => {
  await login(page, "super1");
  await page.goto("/reports/2024");
  await expect(page.getByTestId("narrative")).toContainText("共收到政府信息公开申请28件");
  await page.getByRole("form", { name: "定稿" }).getByRole("button", { name: "定稿" }).click();
  await expect(page.getByTestId("finalized")).toContainText("定稿");

  await page.goto("/requests/import");
  await page.getByRole("form", { name: "上传台账" }).getByLabel(/台账文件/).setInputFiles({
    name: "late.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("serial,received_date,applicant_type,applicant_name,content,outcome,concluded_date\nLATE-1,2024-06-03,legal,某律所,补录的申请,partial,2024-06-20\n"),
  });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("form-success")).toContainText("新增 1 条");

  await page.goto("/reports/2024");
  const outdated = page.getByTestId("outdated");
  await expect(outdated).toContainText("已过时");
  await expect(outdated).toContainText("部分公开");
  await page.screenshot({ path: "test-results/screens/report-outdated.png", fullPage: false });
});
