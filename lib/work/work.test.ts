import { beforeEach, describe, expect, test } from "vitest";
import { getSqlite } from "../../db";
import { createAgency } from "../agencies/mutations";
import { agencySettings, updateAgencySettings } from "../agencies/settings";
import { agencySettingsSchema } from "../agencies/schemas";
import { CLI_ACTOR, type Actor } from "../auth/actor";
import { recordExtension, recordSupplemented, recordSupplementNotice } from "../clock/mutations";
import { computeApplications } from "../reports/engine";
import { concludeRequest, createRequest, withdrawRequest } from "../requests/mutations";
import { concludeSchema } from "../requests/schemas";
import { saveAppeal } from "../appeals/mutations";
import { appealSchema } from "../appeals/schemas";
import { getRequest, listRequests, listTimeline } from "../requests/queries";
import { freshDatabase, makeUser, requestInput } from "../testing/db";
import { acceptAssignment, assignRequest, returnAssignment } from "./assignment";
import { decideApproval, requestDelay, requestExtension, requestVoid, submitReplyDraft } from "./approvals";
import { approvalsAwaiting, approvalsOfRequest, myTodo, todoCount } from "./queries";
import { decisionSchema, draftSchema } from "./schemas";

// Received Monday 2026-11-02: 20 working days run to 2026-11-30.
const RECEIVED = "2026-11-02";
const DAY = "2026-11-10";

describe("the work on a request (A8): 分办, 签收, 拟办 → 审核 → 签发, extension, 作废", () => {
  let clerk: Actor;
  let handler: Actor;
  let sup1: Actor;
  let sup2: Actor;
  let id: string;
  const version = () => getRequest(CLI_ACTOR, id).version;
  const status = () => getRequest(CLI_ACTOR, id).status;
  const pendingId = () => approvalsOfRequest(CLI_ACTOR, id).find((a) => a.status === "pending")?.id as string;
  const pendingVersion = () => approvalsOfRequest(CLI_ACTOR, id).find((a) => a.status === "pending")?.version as number;
  const decide = (who: Actor, decision: "approve" | "return", comment?: string, today = DAY) =>
    decideApproval(who, pendingId(), decisionSchema.parse({ approvalVersion: String(pendingVersion()), decision, comment }), today);
  const draft = (who: Actor, fields: Record<string, string> = {}) =>
    submitReplyDraft(who, id, draftSchema.parse({ version: String(version()), outcome: "disclose", legalBasis: "第三十六条第（二）项", replyText: "经审查，予以公开。", ...fields }));

  beforeEach(async () => {
    freshDatabase();
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
    clerk = await makeUser("clerk", "clerk", "a");
    handler = await makeUser("handler", "clerk", "a");
    sup1 = await makeUser("sup1", "supervisor", "a");
    sup2 = await makeUser("sup2", "supervisor", "a");
    id = createRequest(clerk, requestInput({ serial: "W-1", receivedDate: RECEIVED }), DAY).id;
  });

  test("分办 by a supervisor (a clerk only where the agency allows it); 签收 or 退回 only by the handler", () => {
    expect(() => assignRequest(clerk, id, { version: version(), handlerUserId: handler.id as string })).toThrow(/审核负责人/);
    assignRequest(sup1, id, { version: version(), handlerUserId: handler.id as string });
    // An assignment not yet accepted leaves it registered (A7).
    expect(getRequest(CLI_ACTOR, id)).toMatchObject({ status: "registered", handlerUserId: handler.id, acceptedAt: null });
    expect(() => acceptAssignment(clerk, id, { version: version() })).toThrow(/承办人本人/);
    returnAssignment(handler, id, { version: version(), reason: "不属于本人分管" });
    expect(getRequest(CLI_ACTOR, id)).toMatchObject({ status: "registered", handlerUserId: null });
    assignRequest(sup1, id, { version: version(), handlerUserId: handler.id as string });
    acceptAssignment(handler, id, { version: version() });
    expect(status()).toBe("in_progress");
    expect(() => returnAssignment(handler, id, { version: version(), reason: "x" })).toThrow(/已签收/);
    expect(listTimeline(CLI_ACTOR, id).map((e) => e.kind)).toEqual(["registered", "assigned", "assignment_returned", "assigned", "accepted"]);

    // The setting lets the registering clerk assign what they registered, and nothing else.
    const settings = agencySettings(getRequest(CLI_ACTOR, id).agencyId);
    updateAgencySettings(sup1, settings.agencyId, agencySettingsSchema.parse({ version: String(settings.version), dueSoonDays: "5", dueUrgentDays: "2", approvalLevels: "1", clerkMayAssign: "on" }));
    const own = createRequest(clerk, requestInput({ serial: "W-2", receivedDate: RECEIVED }), DAY).id;
    assignRequest(clerk, own, { version: 1, handlerUserId: handler.id as string });
    const others = createRequest(sup1, requestInput({ serial: "W-3", receivedDate: RECEIVED }), DAY).id;
    expect(() => assignRequest(clerk, others, { version: 1, handlerUserId: handler.id as string })).toThrow(/审核负责人/);
    expect(() => updateAgencySettings(clerk, settings.agencyId, agencySettingsSchema.parse({ version: "0", dueSoonDays: "5", dueUrgentDays: "2", approvalLevels: "2" }))).toThrow(/无权/);
  });

  test("a draft returned once, redrafted, approved at two levels concludes on the last approval's day and counts in that year", async () => {
    createAgency(CLI_ACTOR, { code: "b", name: "乙机关" });
    const outsider = await makeUser("outsider", "supervisor", "b");
    const settings = agencySettings(getRequest(CLI_ACTOR, id).agencyId);
    updateAgencySettings(sup1, settings.agencyId, agencySettingsSchema.parse({ version: String(settings.version), dueSoonDays: "5", dueUrgentDays: "2", approvalLevels: "2" }));
    assignRequest(sup1, id, { version: version(), handlerUserId: handler.id as string });
    // Only the accepted handler drafts.
    expect(() => draft(handler)).toThrow(/请先签收/);
    acceptAssignment(handler, id, { version: version() });
    expect(() => draft(clerk)).toThrow(/承办人/);
    recordSupplementNotice(handler, id, { version: version(), supplementNoticeDate: "2026-11-03", supplementDeadline: "2026-11-20" }, DAY);
    expect(status()).toBe("awaiting_supplement");
    recordSupplemented(handler, id, { version: version(), supplementedDate: "2026-11-05" }, DAY);
    expect(status()).toBe("in_progress");

    // The A1 rule holds for a draft as for a recorded conclusion.
    expect(() => draft(handler, { withheldUnderExemptions: "on" })).toThrow(/部分公开/);
    draft(handler);
    expect(status()).toBe("pending_approval");
    expect(getRequest(CLI_ACTOR, id).outcome).toBeNull();
    expect(() => draft(handler)).toThrow(/已有待审批/);

    // Refused on the server: a clerk (no permission, the drafter among them), a supervisor of another agency, one's own draft.
    expect(() => decide(handler, "approve")).toThrow(/无权审批/);
    expect(() => decide(clerk, "approve")).toThrow(/无权审批/);
    expect(approvalsAwaiting(sup1).map((a) => a.requestId)).toEqual([id]);
    expect(approvalsAwaiting(outsider)).toEqual([]);
    expect(() => decide(outsider, "approve")).toThrow(/不存在或无权查看/);

    // Returned once, with a reason; the handler sees it among their items.
    expect(() => decideApproval(sup1, pendingId(), decisionSchema.parse({ approvalVersion: String(pendingVersion()), decision: "return" }), DAY)).toThrow();
    decide(sup1, "return", "依据写得不完整");
    expect(status()).toBe("in_progress");
    expect(myTodo(handler, DAY).returned.map((r) => r.note)).toEqual(["退回：依据写得不完整"]);
    expect(todoCount(handler, DAY)).toBe(1);

    draft(handler, { legalBasis: "《中华人民共和国政府信息公开条例》第三十六条第（二）项" });
    expect(myTodo(handler, DAY).returned).toEqual([]);
    // 审核 by sup1; the same person cannot also 签发.
    decide(sup1, "approve", "同意");
    expect(status()).toBe("pending_approval");
    expect(() => decide(sup1, "approve")).toThrow(/不同的人/);
    expect(approvalsAwaiting(sup1)).toEqual([]);
    expect(approvalsAwaiting(sup2).map((a) => a.requestId)).toEqual([id]);
    decide(sup2, "approve", undefined, "2026-11-12");
    expect(getRequest(CLI_ACTOR, id)).toMatchObject({ status: "concluded", outcome: "disclose", concludedDate: "2026-11-12" });
    expect(listTimeline(CLI_ACTOR, id).map((e) => e.kind).slice(-6)).toEqual(["supplemented", "submitted", "approval_returned", "submitted", "approved", "concluded"]);
    // Counted in the year of the last approval: an outcome row of 2026.
    const agencyId = getRequest(CLI_ACTOR, id).agencyId;
    const table = computeApplications([agencyId], { from: "2026-01-01", to: "2026-12-31" });
    expect(table.rows.disclose?.at(-1)).toBe(1);
    // Every step is audited in its transaction.
    const audited = getSqlite().prepare("SELECT action FROM audit_log WHERE object_id = ? ORDER BY id").all(id) as { action: string }[];
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(["request.submit_approval", "request.approval_return", "request.approval_step", "request.conclude"]));
  });

  test("nobody approves their own submission, whatever their role", () => {
    assignRequest(sup1, id, { version: version(), handlerUserId: sup1.id as string });
    acceptAssignment(sup1, id, { version: version() });
    draft(sup1);
    expect(() => decide(sup1, "approve")).toThrow(/本人提交/);
    expect(approvalsAwaiting(sup1)).toEqual([]);
    decide(sup2, "approve");
    expect(status()).toBe("concluded");
  });

  test("an extension is asked by the handler and moves the due date only when approved, no later than the unextended due date", () => {
    assignRequest(sup1, id, { version: version(), handlerUserId: handler.id as string });
    acceptAssignment(handler, id, { version: version() });
    expect(getRequest(CLI_ACTOR, id).dueDate).toBe("2026-11-30");
    requestExtension(handler, id, { version: version(), extensionDays: 10, reason: "需调取档案" }, DAY);
    expect(getRequest(CLI_ACTOR, id)).toMatchObject({ status: "pending_approval", dueDate: "2026-11-30", extensionDays: 0 });
    // A clerk holds no extensions.approve; the approval after the unextended due date is refused.
    expect(() => decide(clerk, "approve")).toThrow(/无权审批/);
    expect(() => decide(sup1, "approve", undefined, "2026-12-01")).toThrow(/届满前批准/);
    decide(sup1, "approve", undefined, "2026-11-27");
    expect(getRequest(CLI_ACTOR, id)).toMatchObject({ status: "in_progress", extensionDays: 10, extensionApprovedDate: "2026-11-27", dueDate: "2026-12-14" });
    expect(getRequest(CLI_ACTOR, id).extensionApprovedBy).toBe("sup1");
  });

  test("作废: asked with a reason, carried out only by a supervisor; then out of every list and count, never deleted", () => {
    const agencyId = getRequest(CLI_ACTOR, id).agencyId;
    const before = computeApplications([agencyId], { from: "2026-01-01", to: "2026-12-31" });
    expect(before.rows.new?.at(-1)).toBe(1);
    requestVoid(clerk, id, { version: version(), reason: "重复登记同一封来信" });
    expect(status()).toBe("pending_approval");
    expect(() => decide(clerk, "approve")).toThrow(/无权审批/);
    decide(sup1, "approve");
    expect(getRequest(CLI_ACTOR, id)).toMatchObject({ status: "voided", voidReason: "重复登记同一封来信" });
    expect(listRequests(sup1, {}, DAY).rows).toEqual([]);
    expect(listRequests(sup1, { status: "voided" }, DAY).rows.map((r) => r.serial)).toEqual(["W-1"]);
    expect(computeApplications([agencyId], { from: "2026-01-01", to: "2026-12-31" }).rows.new?.at(-1)).toBe(0);
    expect(() => requestVoid(clerk, id, { version: version(), reason: "再来" })).toThrow(/已作废/);
    expect((getSqlite().prepare("SELECT count(*) AS n FROM requests WHERE id = ?").get(id) as { n: number }).n).toBe(1);
  });

  test("a conclusion or void by another path withdraws what still waited; a stale approval cannot overwrite it", async () => {
    assignRequest(sup1, id, { version: version(), handlerUserId: handler.id as string });
    acceptAssignment(handler, id, { version: version() });
    draft(handler);
    const waiting = pendingId();
    const staleVersion = pendingVersion();
    // The applicant withdraws while the draft waits: concluded as 其他, the draft withdrawn.
    withdrawRequest(handler, id, { version: version(), withdrawnDate: "2026-11-05" }, DAY);
    expect(approvalsOfRequest(CLI_ACTOR, id).map((a) => [a.id, a.status])).toEqual([[waiting, "withdrawn"]]);
    expect(approvalsAwaiting(sup1)).toEqual([]);
    expect(() => decideApproval(sup1, waiting, decisionSchema.parse({ approvalVersion: String(staleVersion), decision: "approve" }), "2027-01-04")).toThrow(/已被处理/);
    expect(getRequest(CLI_ACTOR, id)).toMatchObject({ outcome: "other_other", concludedDate: "2026-11-05" });

    // A void approved while a reply waits: the reply is withdrawn too, nothing stays stuck.
    const other = createRequest(clerk, requestInput({ serial: "W-7", receivedDate: RECEIVED }), DAY).id;
    assignRequest(sup1, other, { version: 1, handlerUserId: handler.id as string });
    acceptAssignment(handler, other, { version: 2 });
    submitReplyDraft(handler, other, draftSchema.parse({ version: "3", outcome: "disclose", legalBasis: "x", replyText: "y" }));
    requestVoid(clerk, other, { version: 4, reason: "重复登记" });
    const voiding = approvalsOfRequest(CLI_ACTOR, other).find((a) => a.kind === "void");
    decideApproval(sup1, voiding?.id as string, decisionSchema.parse({ approvalVersion: "1", decision: "approve" }), DAY);
    expect(approvalsOfRequest(CLI_ACTOR, other).map((a) => [a.kind, a.status]).sort()).toEqual([["reply", "withdrawn"], ["void", "approved"]]);
    expect(todoCount(sup1, DAY)).toBe(0);
  });

  test("a supervisor who handles the request cannot issue its reply or record its extension alone", () => {
    assignRequest(sup1, id, { version: version(), handlerUserId: sup1.id as string });
    acceptAssignment(sup1, id, { version: version() });
    expect(() => concludeRequest(sup1, id, concludeSchema.parse({ version: String(version()), outcome: "withhold_state_secret", concludedDate: "2026-11-03" }), DAY)).toThrow(/其他负责人/);
    expect(() =>
      recordExtension(sup1, id, { version: version(), extensionDays: 10, extensionApprovedBy: "自己", extensionApprovedDate: "2026-11-05", extensionNoticeDate: "2026-11-05" }, DAY),
    ).toThrow(/其他负责人/);
    // Another supervisor may record a reply issued outside the system.
    concludeRequest(sup2, id, concludeSchema.parse({ version: String(version()), outcome: "disclose", concludedDate: "2026-11-06" }), DAY);
    expect(status()).toBe("concluded");
  });

  test("an Art 35 date is asked and approved before the due date; a request with an appeal is not voided", () => {
    assignRequest(sup1, id, { version: version(), handlerUserId: handler.id as string });
    acceptAssignment(handler, id, { version: version() });
    requestDelay(handler, id, { version: version(), delayedReplyDate: "2027-01-29", reason: "申请数量明显超过合理范围" }, DAY);
    expect(() => decide(sup1, "approve", undefined, "2026-12-01")).toThrow(/届满前批准/);
    decide(sup1, "approve", undefined, "2026-11-30");
    expect(getRequest(CLI_ACTOR, id)).toMatchObject({ delayedReplyDate: "2027-01-29", dueDate: "2027-01-29" });
    expect(() => requestDelay(handler, id, { version: version(), delayedReplyDate: "2027-03-01", reason: "再延" }, "2027-02-01")).toThrow(/已过/);

    const appealed = createRequest(clerk, requestInput({ serial: "W-8", receivedDate: RECEIVED }), DAY).id;
    concludeRequest(sup2, appealed, concludeSchema.parse({ version: "1", outcome: "withhold_process", concludedDate: "2026-11-06" }), DAY);
    saveAppeal(sup1, appealed, appealSchema.parse({ caseNumber: "某复字〔2026〕9号", kind: "review", afterReview: "false", filedDate: "2026-11-09", result: "pending" }));
    expect(() => requestVoid(clerk, appealed, { version: getRequest(CLI_ACTOR, appealed).version, reason: "误登" })).toThrow(/复议诉讼/);
  });

  test("逾期未补正 is recorded by the handler on the day, after the 补正 period lapsed unanswered (A1)", () => {
    assignRequest(sup1, id, { version: version(), handlerUserId: handler.id as string });
    acceptAssignment(handler, id, { version: version() });
    const abandon = (who: Actor, concludedDate: string, today: string) =>
      concludeRequest(who, id, concludeSchema.parse({ version: String(version()), outcome: "other_no_supplement", concludedDate }), today);
    expect(() => abandon(handler, "2026-11-25", "2026-11-25")).toThrow(/须已登记告知补正/);
    recordSupplementNotice(handler, id, { version: version(), supplementNoticeDate: "2026-11-03", supplementDeadline: "2026-11-20" }, DAY);
    expect(() => abandon(handler, "2026-11-20", "2026-11-20")).toThrow(/届满后才能视为放弃/);
    expect(() => abandon(clerk, "2026-11-23", "2026-11-23")).toThrow(/承办人/);
    expect(() => abandon(handler, "2026-11-21", "2026-11-23")).toThrow(/登记之日（2026-11-23）/);
    abandon(handler, "2026-11-23", "2026-11-23");
    expect(getRequest(CLI_ACTOR, id)).toMatchObject({ status: "concluded", outcome: "other_no_supplement", concludedDate: "2026-11-23" });
  });

  test("我的待办: a clerk's items by urgency, a supervisor's approvals, requests to assign, overdue and each handler's load", () => {
    const late = createRequest(clerk, requestInput({ serial: "W-9", receivedDate: "2026-10-01" }), DAY).id;
    assignRequest(sup1, id, { version: version(), handlerUserId: handler.id as string });
    assignRequest(sup1, late, { version: 1, handlerUserId: handler.id as string });
    acceptAssignment(handler, late, { version: 2 });
    // Today 2026-11-26: W-1 due 2026-11-30 (2 working days), W-9 overdue.
    const today = "2026-11-26";
    const todo = myTodo(handler, today);
    expect(todo.toAccept.map((t) => t.serial)).toEqual(["W-1"]);
    expect(todo.overdue.map((t) => t.serial)).toEqual(["W-9"]);
    expect(todo.dueSoon.map((t) => [t.serial, t.note])).toEqual([["W-1", "紧急：2 个工作日内到期"]]);
    expect(todoCount(handler, today)).toBe(2);
    const sup = myTodo(sup1, today);
    expect(sup.agencyOverdue.map((t) => t.serial)).toEqual(["W-9"]);
    expect(sup.load).toEqual([{ userId: handler.id, name: "handler", open: 2, overdue: 1 }]);
    const unassigned = createRequest(clerk, requestInput({ serial: "W-5", receivedDate: RECEIVED }), DAY).id;
    expect(myTodo(sup1, today).toAssign.map((t) => t.requestId)).toEqual([unassigned]);
    requestVoid(clerk, unassigned, { version: 1, reason: "测试数据" });
    expect(myTodo(sup1, today).approvals.map((a) => a.kind)).toEqual(["void"]);
    expect(todoCount(sup1, today)).toBe(1);
    // The clerk sees nothing of the supervisor's lists.
    expect(myTodo(clerk, today)).toMatchObject({ approvals: [], toAssign: [], agencyOverdue: [], load: [] });
  });
});
