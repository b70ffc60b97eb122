import { expect, type Browser, type Page, test } from "@playwright/test";
import { login } from "./helpers";

/**
 * The day's work (domain.md A8) in the browser, each person in their own session: a clerk
 * registers; a supervisor assigns; the handler accepts, records a 补正 and its supplement, drafts
 * the reply; the draft is returned once, redrafted, approved at two levels (审核 by one
 * supervisor, 签发 by another); the request is concluded on the approval day and counted in
 * that year's report.
 */

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await login(page, username);
  return page;
}

/** The total of an outcome row in this year's report of the signed-in user's agency. */
async function reportTotal(page: Page, year: string, row: string): Promise<number> {
  const response = await page.request.get(`/reports/${year}/export?format=json`);
  expect(response.status()).toBe(200);
  const report = (await response.json()) as { applications: { rows: Record<string, number[]> } };
  return report.applications.rows[row].at(-1) as number;
}

test("a request from registration to a reply approved at two levels", async ({ browser }) => {
  test.setTimeout(120_000);
  const word = `分办审批${Date.now().toString(36)}`;

  // edu approves replies at two levels: 审核, then 签发.
  const lead1 = await as(browser, "lead1");
  await lead1.goto("/settings/agency");
  const settings = lead1.getByRole("form", { name: "机构设置" });
  await settings.getByRole("radio", { name: /二级/ }).check();
  await settings.getByRole("button", { name: /保存/ }).click();
  await expect(lead1.getByTestId("form-success")).toContainText("已保存");

  // The clerk registers (a clerk does not assign: the agency does not allow it).
  const clerk = await as(browser, "clerk1");
  await clerk.goto("/requests/new");
  const form = clerk.getByRole("form", { name: "登记" });
  await expect(form.getByLabel("承办人")).toHaveCount(0);
  await form.getByLabel("姓名或名称").fill("流程测试申请人");
  await form.getByLabel(/申请公开的政府信息/).fill(`申请公开${word}的文件`);
  await form.getByRole("button", { name: "登记" }).click();
  await expect(clerk.getByTestId("form-success")).toHaveText("已登记");
  const id = clerk.url().split("/requests/")[1].split("?")[0];
  await expect(clerk.getByTestId("status-badge")).toHaveText("登记");

  // The supervisor finds it among the requests to assign and assigns it to clerk2.
  await lead1.goto("/todo");
  await expect(lead1.getByTestId("todo-assign").locator(`[data-request-id="${id}"]`)).toBeVisible();
  await lead1.goto(`/requests/${id}`);
  const assign = lead1.getByRole("form", { name: "分办" });
  await assign.getByLabel("承办人").selectOption({ label: "clerk2" });
  await assign.getByRole("button", { name: "分办" }).click();
  await expect(lead1.getByTestId("form-success")).toHaveText("已分办");
  await expect(lead1.getByTestId("status-badge")).toHaveText("登记");

  // The handler: 我的待办 lists it to accept; accepts; 补正 asked and received.
  const handler = await as(browser, "clerk2");
  await handler.goto("/todo");
  await handler.getByTestId("todo-accept").locator(`[data-request-id="${id}"]`).getByRole("link").first().click();
  await expect(handler).toHaveURL(new RegExp(`/requests/${id}`));
  await handler.getByRole("form", { name: "签收" }).getByRole("button", { name: "签收" }).click();
  await expect(handler.getByTestId("form-success")).toHaveText("已签收");
  await expect(handler.getByTestId("status-badge")).toHaveText("办理中");
  const today = await handler.evaluate(() => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
  await handler.getByText("登记告知补正").first().click();
  const notice = handler.getByRole("form", { name: "登记告知补正" });
  await notice.getByLabel("告知补正日期").fill(today);
  await notice.getByLabel("申请人补正期限").fill(await handler.evaluate(() => new Date(Date.now() + 8 * 3600_000 + 20 * 86400_000).toISOString().slice(0, 10)));
  await notice.getByRole("button", { name: "登记告知补正" }).click();
  await expect(handler.getByTestId("status-badge")).toHaveText("待补正");
  await handler.getByText("登记收到补正").first().click();
  const supplemented = handler.getByRole("form", { name: "登记收到补正" });
  await supplemented.getByLabel("收到补正后申请之日").fill(today);
  await supplemented.getByRole("button", { name: "登记收到补正" }).click();
  await expect(handler.getByTestId("status-badge")).toHaveText("办理中");

  // 拟办: the row proposes its legal basis.
  const draft = async (text: string) => {
    const d = handler.getByRole("form", { name: "拟办" });
    await d.getByRole("radio", { name: "予以公开" }).check();
    await expect(d.getByLabel("法律依据")).toHaveValue(/第三十六条第（二）项/);
    await d.getByLabel("答复意见").fill(text);
    await d.getByRole("button", { name: "提交审核" }).click();
    await expect(handler.getByTestId("form-success")).toHaveText("已提交审核");
    await expect(handler.getByTestId("status-badge")).toHaveText("待审核");
  };
  await draft("经审查，您申请的信息予以公开。");
  // Nobody approves their own draft: the handler gets no decision form.
  await expect(handler.getByRole("form", { name: "审批意见" })).toHaveCount(0);

  // Returned once, with a reason.
  const year = today.slice(0, 4);
  const before = await reportTotal(lead1, year, "disclose");
  await lead1.goto("/todo");
  await lead1.getByTestId("todo-approvals").getByRole("link").first().click();
  await expect(lead1).toHaveURL(/\/approvals\//);
  await lead1.screenshot({ path: "test-results/screens/approval-page.png" });
  const decide = lead1.getByRole("form", { name: "审批意见" });
  await decide.getByRole("radio", { name: "退回修改" }).check();
  await decide.getByLabel(/意见/).fill("请写明获取方式");
  await decide.getByRole("button", { name: /提交/ }).click();
  await expect(lead1.getByTestId("form-success")).toHaveText("已退回修改");

  await handler.goto("/todo");
  await expect(handler.getByTestId("todo-returned")).toContainText("请写明获取方式");
  await handler.goto(`/requests/${id}`);
  await draft("经审查，您申请的信息予以公开，请于十个工作日内到本机关领取。");

  // 审核 by lead1; 签发 must be someone else.
  await lead1.goto(`/requests/${id}`);
  await lead1.getByRole("form", { name: "审批意见" }).getByRole("button", { name: /提交/ }).click();
  await expect(lead1.getByTestId("form-success")).toHaveText("已审核，待签发");
  await expect(lead1.getByRole("form", { name: "审批意见" })).toHaveCount(0);

  const lead2 = await as(browser, "lead2");
  await lead2.goto(`/requests/${id}`);
  await lead2.getByRole("form", { name: "审批意见" }).getByRole("button", { name: /签发/ }).click();
  await expect(lead2.getByTestId("form-success")).toHaveText("已批准");
  await expect(lead2.getByTestId("status-badge")).toHaveText("已办结");
  await expect(lead2.getByTestId("outcome")).toHaveText(/予以公开/);
  // Concluded on the day of the last approval, and counted in that year.
  await expect(lead2.getByText(today).first()).toBeVisible();
  expect(await reportTotal(lead2, year, "disclose")).toBe(before + 1);
  await expect(lead2.getByTestId("timeline")).toContainText("签发");

  // Back to one level for the other specs.
  await lead1.goto("/settings/agency");
  await lead1.getByRole("form", { name: "机构设置" }).getByRole("radio", { name: /一级/ }).check();
  await lead1.getByRole("form", { name: "机构设置" }).getByRole("button", { name: /保存/ }).click();
  await expect(lead1.getByTestId("form-success")).toContainText("已保存");
  for (const p of [lead1, lead2, clerk, handler]) await p.close();
});

test("a void needs a supervisor's approval; the voided request leaves the register and stays readable", async ({ browser }) => {
  const clerk = await as(browser, "clerk1");
  const word = `作废测试${Date.now().toString(36)}`;
  await clerk.goto("/requests/new");
  const form = clerk.getByRole("form", { name: "登记" });
  await form.getByLabel("姓名或名称").fill("重复登记");
  await form.getByLabel(/申请公开的政府信息/).fill(word);
  await form.getByRole("button", { name: "登记" }).click();
  await expect(clerk.getByTestId("form-success")).toHaveText("已登记");
  const id = clerk.url().split("/requests/")[1].split("?")[0];
  await clerk.getByText("作废", { exact: true }).click();
  clerk.once("dialog", (d) => void d.accept());
  const voidForm = clerk.getByRole("form", { name: "申请作废" });
  await voidForm.getByLabel("作废理由").fill("同一封来信重复登记");
  await voidForm.getByRole("button", { name: "申请作废" }).click();
  await expect(clerk.getByTestId("form-success")).toHaveText(/已提交作废申请/);
  await expect(clerk.getByTestId("status-badge")).toHaveText("待审核");
  // The clerk cannot approve it.
  await expect(clerk.getByRole("form", { name: "审批意见" })).toHaveCount(0);

  const lead = await as(browser, "lead1");
  await lead.goto(`/requests/${id}`);
  await lead.getByRole("form", { name: "审批意见" }).getByRole("button", { name: /提交/ }).click();
  await expect(lead.getByTestId("status-badge")).toHaveText("已作废");
  await expect(lead.getByTestId("voided")).toContainText("同一封来信重复登记");
  await lead.goto(`/requests?q=${encodeURIComponent(word)}`);
  await expect(lead.locator(`[data-request-id="${id}"]`)).toHaveCount(0);
  await lead.goto(`/requests?status=voided&q=${encodeURIComponent(word)}`);
  await expect(lead.locator(`[data-request-id="${id}"]`)).toHaveCount(1);
  await lead.close();
  await clerk.close();
});
