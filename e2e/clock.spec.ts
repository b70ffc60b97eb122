import { expect, test } from "@playwright/test";
import { ADMIN_PASSWORD } from "./env";
import { login } from "./helpers";

/** Dates relative to today in Beijing, so the recorded facts are never in the future. */
function beijingDay(offsetDays: number): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

test("a clerk records a pause and sees the due date move, with the explanation", async ({ page }) => {
  await login(page, "clerk1");
  await page.goto("/requests/new");
  const form = page.getByRole("form", { name: "登记" });
  await form.getByLabel("姓名或名称").fill("期限测试申请人");
  await form.getByLabel(/提交日期|收到日期|签收日期/).fill(beijingDay(-30));
  await form.getByLabel(/申请公开的政府信息/).fill(`申请公开期限测试${Date.now().toString(36)}`);
  await form.getByRole("button", { name: "登记" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("已登记");

  const dueDate = page.getByTestId("due-date");
  const before = (await dueDate.textContent())?.trim() ?? "";
  expect(before).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const explanation = page.getByTestId("due-explanation");
  await expect(explanation).toContainText("答复期限为 20 个工作日");
  await expect(explanation).toContainText(`第 20 个工作日：${before}`);

  await page.getByText("登记中止计算（征求意见、缴费）").click();
  const pause = page.getByRole("form", { name: "登记中止计算" });
  await pause.getByLabel("中止事由").selectOption({ label: "征求第三方意见（条例第三十二条）" });
  await pause.getByLabel(/说明/).fill("某建设公司");
  await pause.getByLabel(/开始日期/).fill(beijingDay(-28));
  await pause.getByLabel(/结束日期/).fill(beijingDay(-14));
  await pause.getByRole("button", { name: "登记中止" }).click();

  await expect(page.getByTestId("form-success")).toHaveText("已登记中止计算，答复期限已重新计算");
  const after = (await dueDate.textContent())?.trim() ?? "";
  expect(after > before).toBe(true);
  await expect(explanation).toContainText(`征求第三方意见（条例第三十二条） ${beijingDay(-28)} 至 ${beijingDay(-14)}：不计入`);
  await expect(explanation).toContainText(`个工作日：${after}`);
  await expect(page.getByTestId("pauses")).toContainText("某建设公司");
  await expect(page.getByTestId("timeline")).toContainText("中止计算答复期限");
  await page.getByTestId("due-summary").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/request-clock.png", fullPage: true });

  // A pause that ends in the future is a typing mistake: refused under its field.
  await page.getByText("登记中止计算（征求意见、缴费）").click();
  await pause.getByLabel("中止事由").selectOption({ label: "缴纳信息处理费" });
  await pause.getByLabel(/开始日期/).fill(beijingDay(-3));
  await pause.getByLabel(/结束日期/).fill(beijingDay(5));
  await pause.getByRole("button", { name: "登记中止" }).click();
  await expect(pause.getByText(/中止结束日期（.*）不能晚于今天/).first()).toBeVisible();
  await expect(dueDate).toHaveText(after);

  await page.goto("/requests?sort=due_asc");
  await expect(page.getByTestId("due-cell").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/register-due.png" });

  // The 工作台 counts what is due; each tile opens the register filtered.
  await page.goto("/");
  const tiles = page.getByTestId("due-tiles");
  await expect(tiles).toContainText("5 个工作日内到期");
  await page.screenshot({ path: "test-results/screens/home-clerk.png" });
  await tiles.getByRole("link", { name: /已逾期/ }).click();
  await expect(page).toHaveURL(/due=overdue/);
});

test("an admin enters a year's holiday notice; mistakes are named by holiday and field", async ({ page }) => {
  await login(page, "admin", ADMIN_PASSWORD);
  await page.goto("/admin/calendar?year=2030");
  await expect(page.getByTestId("calendar-status")).toContainText("2030 年放假安排尚未录入");
  const form = page.getByRole("form", { name: "录入 2030 年放假安排" });
  await form.getByLabel("通知名称").fill("国务院办公厅关于2030年部分节假日安排的通知（测试）");
  await form.getByLabel("国庆节放假开始").fill("2030-10-01");
  await form.getByLabel("国庆节放假结束").fill("2030-10-07");
  await form.getByLabel("国庆节调休上班日").fill("2030-10-08");
  await form.getByRole("button", { name: "保存 2030 年放假安排" }).click();
  await expect(form.getByText("国庆节：调休上班日 2030-10-08 不是星期六或星期日（工作日本来就上班）").first()).toBeVisible();
  await expect(form.getByLabel("国庆节放假开始")).toHaveValue("2030-10-01");
  await page.screenshot({ path: "test-results/screens/admin-calendar-error.png", fullPage: true });

  await form.getByLabel("国庆节调休上班日").fill("2030-09-29 2030-10-12");
  await form.getByRole("button", { name: "保存 2030 年放假安排" }).click();
  await expect(page.getByTestId("form-success")).toContainText("已保存 2030 年放假安排");
  await page.reload();
  await expect(page.getByTestId("calendar-status")).toContainText("国务院办公厅关于2030年部分节假日安排的通知（测试）");
  await expect(page.locator('[data-day="2030-10-12"]')).toHaveAttribute("data-kind", "makeup");
  await expect(page.locator('[data-day="2030-10-03"]')).toHaveAttribute("data-kind", "holiday");
  await page.screenshot({ path: "test-results/screens/admin-calendar.png", fullPage: true });
});

test("补正 restarts the clock: the pause before it adds nothing, and the status follows the facts", async ({ page }) => {
  await login(page, "clerk1");
  await page.goto("/requests/new");
  const form = page.getByRole("form", { name: "登记" });
  const content = `补正重新起算测试${Date.now().toString(36)}`;
  // A serial of its own, apart from the register spec's serial searches.
  await form.getByLabel("编号").fill(`BZ-${Date.now().toString(36)}`);
  await form.getByLabel("姓名或名称").fill("补正测试申请人");
  await form.getByLabel(/提交日期|收到日期|签收日期/).fill("2024-03-01");
  await form.getByLabel(/申请公开的政府信息/).fill(content);
  await form.getByRole("button", { name: "登记" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("已登记");
  await expect(page.getByTestId("status-badge")).toHaveText("登记");
  const requestUrl = page.url().replace(/\?.*$/, "");

  await page.getByText("登记中止计算（征求意见、缴费）").click();
  const pause = page.getByRole("form", { name: "登记中止计算" });
  await pause.getByLabel("中止事由").selectOption({ label: "征求第三方意见（条例第三十二条）" });
  await pause.getByLabel(/开始日期/).fill("2024-03-04");
  await pause.getByLabel(/^结束日期/).fill("2024-03-15");
  await pause.getByRole("button", { name: "登记中止" }).click();
  await expect(page.getByTestId("status-badge")).toHaveText("办理中");

  await page.getByText("登记告知补正").first().click();
  const notice = page.getByRole("form", { name: "登记告知补正" });
  await notice.getByLabel("告知补正日期").fill("2024-03-05");
  await notice.getByLabel("申请人补正期限").fill("2024-03-20");
  await notice.getByRole("button", { name: "登记告知补正" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("已登记告知补正");
  await expect(page.getByTestId("status-badge")).toHaveText("待补正");

  // The register's status filter finds it by its derived status.
  await page.goto(`/requests?status=awaiting_supplement&q=${encodeURIComponent(content)}`);
  await expect(page.locator("[data-request-id]")).toHaveCount(1);

  await page.goto(requestUrl);
  await page.getByText("登记收到补正").first().click();
  const supplemented = page.getByRole("form", { name: "登记收到补正" });
  await supplemented.getByLabel("收到补正后申请之日").fill("2024-04-01");
  await supplemented.getByRole("button", { name: "登记收到补正" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("已登记收到补正，答复期限重新起算");
  await expect(page.getByTestId("due-date")).toHaveText("2024-04-29");
  await expect(page.getByTestId("due-explanation")).toContainText("在收到补正之前，不计");
  await expect(page.getByTestId("status-badge")).toHaveText("办理中");
});
