import ExcelJS from "exceljs";
import { expect, type Page, test } from "@playwright/test";
import { syntheticLedgerCsv } from "../scripts/bench-ledger";
import { login } from "./helpers";

/** Issue 14: the upload limit is one number end to end; the template round-trips. */

const unique = () => `IMP${Date.now().toString(36).toUpperCase()}`;

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const form = page.getByRole("form", { name: "上传台账" });
  await form.getByLabel(/台账文件/).setInputFiles(file);
  await form.getByRole("button", { name: "上传并预览" }).click();
}

test("a ledger larger than the old 1 MB (and 10 MB) body limits uploads whole and imports", async ({ page }) => {
  await login(page, "super1");
  await page.goto("/requests/import");
  await expect(page.getByText(/不超过 20 MB/).first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/import-page.png" });
  const id = unique();
  const head = `编号,收到日期,申请人类型,申请人,申请内容\n${id}-1,2025/6/3,自然人,甲,申请公开某批复\n${id}-2,2025年6月4日,（二）商业企业,乙公司,申请公开某规划\n`;
  // Blank rows (cells of spaces) after the data: they count as empty and take the file past 12 MB.
  const padding = `${" ".repeat(1023)}\n`.repeat(12 * 1024);
  const buffer = Buffer.from(head + padding);
  expect(buffer.length).toBeGreaterThan(12 * 1024 * 1024);
  await upload(page, { name: "big.csv", mimeType: "text/csv", buffer });
  await expect(page.getByTestId("import-preview")).toContainText("将新增 2 条", { timeout: 30_000 });
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("form-success")).toContainText("新增 2 条", { timeout: 30_000 });
  await page.goto(`/requests?q=${id}`);
  await expect(page.locator("tbody tr[data-request-id]")).toHaveCount(2);
});

test("a file over the limit is refused with the limit named, before it is sent; a chosen empty file is named empty", async ({ page }) => {
  await login(page, "super1");
  await page.goto("/requests/import");
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await upload(page, { name: "huge.csv", mimeType: "text/csv", buffer: Buffer.alloc(20 * 1024 * 1024 + 1, 0x20) });
  await expect(page.getByTestId("form-error")).toHaveText(/文件超过 20 MB/);
  expect(posts).toEqual([]);

  await upload(page, { name: "empty.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
  await expect(page.getByRole("heading", { name: "预览：empty.csv" })).toBeVisible();
  await expect(page.getByTestId("import-errors")).toContainText("文件是空的（0 字节），没有可导入的数据行");
  await expect(page.getByRole("button", { name: "确认导入" })).toHaveCount(0);
});

test("a body over the limit sent by hand gets the limit as its answer, not a 500", async ({ page }) => {
  await login(page, "super1");
  const response = await page.request.post("/requests/import", {
    headers: { "Next-Action": "0".repeat(42) },
    multipart: { file: { name: "huge.csv", mimeType: "text/csv", buffer: Buffer.alloc(21 * 1024 * 1024, 0x20) } },
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain("文件超过 20 MB");
});

test("the template downloaded and uploaded unchanged is refused; filled with two rows it imports them", async ({ page }) => {
  await login(page, "super1");
  await page.goto("/requests/import");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("template-link").click()]);
  const template = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks));

  await upload(page, { name: "模板.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: template });
  await expect(page.getByTestId("import-errors")).toContainText("没有可导入的数据行");
  await page.screenshot({ path: "test-results/screens/import-template-refused.png" });
  await expect(page.getByRole("button", { name: "确认导入" })).toHaveCount(0);

  // A clerk fills the first sheet: by the headers the template gives, with the labels of its lists.
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  const column = (zh: string) => headers.indexOf(zh);
  const id = unique();
  const rows = [
    { 编号: `${id}-1`, 收到日期: new Date(Date.UTC(2025, 5, 3)), 申请方式: "网络", 申请人类型: "自然人", 申请人: "王五", 申请内容: "申请公开某项目的环评批复", 办理结果: "予以公开", 办结日期: "2025/6/20" },
    { 编号: `${id}-2`, 收到日期: "2025年6月5日", 申请方式: "信函", 申请人类型: "商业企业", 申请人: "某公司", 申请内容: "申请公开某规划" },
  ];
  rows.forEach((values, n) => {
    const row = sheet.getRow(2 + n);
    for (const [zh, value] of Object.entries(values)) {
      expect(column(zh), zh).toBeGreaterThan(0);
      row.getCell(column(zh)).value = value;
    }
    row.commit();
  });
  const filled = Buffer.from(await book.xlsx.writeBuffer());
  await upload(page, { name: "台账.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: filled });
  await expect(page.getByTestId("import-preview")).toContainText("将新增 2 条");
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("form-success")).toContainText("新增 2 条");
  await page.goto(`/requests?q=${id}`);
  await expect(page.locator("tbody tr[data-request-id]")).toHaveCount(2);
});

test("the appeals page offers its import template", async ({ page }) => {
  await login(page, "super1");
  await page.goto("/appeals");
  await page.screenshot({ path: "test-results/screens/appeals-page.png" });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("appeals-template-link").click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks))) as unknown as ArrayBuffer);
  expect(book.worksheets.map((s) => s.name)).toContain("填写说明");
  expect((book.worksheets[0].getRow(1).values as unknown[]).map(String)).toContain("案号");
});

test("a large upload shows where it is, and the page can be left and come back to while it runs", async ({ page }) => {
  test.setTimeout(240_000);
  await login(page, "super1");
  await page.goto("/requests/import");
  const prefix = unique();
  const rows = 60_000;
  await upload(page, { name: "large.csv", mimeType: "text/csv", buffer: syntheticLedgerCsv(rows, { year: 2025, prefix }) });
  // The preview runs on the server: its phase and percentage are shown; the page is left meanwhile.
  const progress = page.getByTestId("import-progress");
  await expect(progress).toBeVisible();
  await expect(progress).toContainText("正在预览：large.csv");
  await expect(page.getByTestId("import-progress-line")).toHaveText(/(读取文件|检查数据).*\d+%/);
  await page.screenshot({ path: "test-results/screens/import-progress.png" });
  await page.goto("/requests");
  await page.goto("/requests/import");
  // Back on the page: the same import, still going or previewed, without uploading again.
  await expect(page.getByTestId("import-preview")).toContainText(`将新增 ${rows} 条`, { timeout: 120_000 });

  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(progress).toContainText("正在导入：large.csv");
  await page.goto("/requests");
  await page.goto("/requests/import");
  await expect(progress.or(page.getByTestId("form-success"))).toBeVisible();
  await expect(page.getByTestId("form-success")).toContainText(`新增 ${rows} 条`, { timeout: 180_000 });
  await page.goto(`/requests?q=${prefix}-000001`);
  await expect(page.locator("tbody tr[data-request-id]")).toHaveCount(1);
});
