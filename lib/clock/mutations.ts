import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { type Tx, writeTx } from "../../db";
import { requestPauses, type RequestRow } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { PAUSE_KIND_LABELS, REPLY_DELIVERY_LABELS } from "../calendar/codes";
import { currentCalendar } from "../calendar/queries";
import { AppError } from "../errors";
import { applyChange, assertCan, loadForChange, recordEvent } from "../requests/mutations";
import { todayInChina } from "../dates";
import { factsOf, livePauses, refreshClock } from "./store";
import type { DelayInput, DeliveryInput, ExtensionInput, PauseInput, SupplementNoticeInput } from "./schemas";
import { clockOf } from "./view";

/**
 * Recording the facts that move a request's clock (domain.md A4): 补正, pauses, an approved
 * extension, an Art 35 later reply date and the delivery of the reply. Each is one transaction:
 * the request's version is checked and raised, the change audited and put on the timeline, and
 * the stored due date recomputed.
 */
type Change = { tx: Tx; before: RequestRow };

function change(actor: Actor, id: string, version: number, body: (c: Change) => void): void {
  assertCan(actor, "requests.write", "无权登记办理期限事项");
  writeTx((tx) => {
    const before = loadForChange(tx, actor, id, version);
    body({ tx, before });
    refreshClock(tx, currentCalendar(tx), id);
  });
}

function clockNow(tx: Tx, row: RequestRow, overrides: Partial<RequestRow> = {}) {
  const merged = { ...row, ...overrides };
  return clockOf(currentCalendar(tx), factsOf(merged, livePauses(tx, [row.id]).get(row.id) ?? []), todayInChina());
}

function assertOpen(row: RequestRow, what: string) {
  if (row.outcome) throw new AppError("INVALID", `此申请已办结，不能再登记${what}`);
}

function notBefore(date: string, floor: string, field: string, label: string, floorLabel: string) {
  if (date < floor) throw new AppError("INVALID", `${label}（${date}）不能早于${floorLabel}（${floor}）`, field);
}

/** 补正 is asked once (一次性), within 7 working days of the receipt; the applicant gets a deadline date. */
export function recordSupplementNotice(actor: Actor, id: string, input: SupplementNoticeInput): void {
  change(actor, id, input.version, ({ tx, before }) => {
    assertOpen(before, "补正告知");
    if (before.supplementNoticeDate) throw new AppError("INVALID", `已于 ${before.supplementNoticeDate} 告知补正；补正应一次性告知，不能再次告知`, "noticeDate");
    notBefore(input.noticeDate, before.receivedDate, "noticeDate", "告知补正日期", "收到申请之日");
    if (input.deadline <= input.noticeDate) throw new AppError("INVALID", `补正期限（${input.deadline}）应晚于告知补正日期（${input.noticeDate}）`, "deadline");
    const due = clockNow(tx, before).supplementNoticeDue.date;
    applyChange(tx, actor, before, { supplementNoticeDate: input.noticeDate, supplementDeadline: input.deadline }, "request.supplement_notice");
    const late = input.noticeDate > due ? `（超过 7 个工作日的告知期限 ${due}）` : "";
    recordEvent(tx, actor, id, "supplement_notice", `告知补正（${input.noticeDate}），补正期限 ${input.deadline}${late}`);
  });
}

/** The supplemented application arrived: the clock restarts from zero on that day. */
export function recordSupplemented(actor: Actor, id: string, input: { version: number; supplementedDate: string }): void {
  change(actor, id, input.version, ({ tx, before }) => {
    assertOpen(before, "补正");
    if (!before.supplementNoticeDate) throw new AppError("INVALID", "尚未登记告知补正，不能登记收到补正", "supplementedDate");
    notBefore(input.supplementedDate, before.supplementNoticeDate, "supplementedDate", "收到补正日期", "告知补正日期");
    applyChange(tx, actor, before, { supplementedDate: input.supplementedDate }, "request.supplemented");
    recordEvent(tx, actor, id, "supplemented", `收到补正后的申请（${input.supplementedDate}），答复期限重新起算`);
  });
}

export function addPause(actor: Actor, id: string, input: PauseInput): void {
  change(actor, id, input.version, ({ tx, before }) => {
    assertOpen(before, "中止计算");
    const start = before.supplementedDate ?? before.receivedDate;
    notBefore(input.fromDate, start, "fromDate", "中止开始日期", before.supplementedDate ? "收到补正之日" : "收到申请之日");
    if (input.toDate) notBefore(input.toDate, input.fromDate, "toDate", "中止结束日期", "开始日期");
    if (!input.toDate && livePauses(tx, [id]).get(id)?.some((p) => p.toDate === null && p.kind === input.kind)) {
      throw new AppError("INVALID", `已有一项尚未结束的“${PAUSE_KIND_LABELS[input.kind]}”，请先登记其结束日期`, "kind");
    }
    const pauseId = randomUUID();
    const row = { id: pauseId, requestId: id, kind: input.kind, fromDate: input.fromDate, toDate: input.toDate ?? null, note: input.note ?? null, createdBy: actor.id };
    tx.insert(requestPauses).values(row).run();
    applyChange(tx, actor, before, {}, "request.pause");
    recordAudit(tx, actor, { action: "pause.create", objectType: "request_pause", objectId: pauseId, agencyId: before.agencyId, after: row });
    recordEvent(tx, actor, id, "paused", `${PAUSE_KIND_LABELS[input.kind]}：${input.fromDate} 起${input.toDate ? `至 ${input.toDate}` : "（尚未结束）"}中止计算答复期限`, { pauseId });
  });
}

function loadPause(tx: Tx, requestId: string, pauseId: string) {
  const pause = tx.select().from(requestPauses).where(and(eq(requestPauses.id, pauseId), eq(requestPauses.requestId, requestId), isNull(requestPauses.deletedAt))).get();
  if (!pause) throw new AppError("NOT_FOUND", "中止记录不存在或已撤销");
  return pause;
}

export function endPause(actor: Actor, id: string, input: { version: number; pauseId: string; toDate: string }): void {
  change(actor, id, input.version, ({ tx, before }) => {
    const pause = loadPause(tx, id, input.pauseId);
    notBefore(input.toDate, pause.fromDate, "toDate", "中止结束日期", "开始日期");
    const now = new Date().toISOString();
    tx.update(requestPauses).set({ toDate: input.toDate, updatedAt: now, updatedBy: actor.id }).where(eq(requestPauses.id, pause.id)).run();
    applyChange(tx, actor, before, {}, "request.pause_end");
    recordAudit(tx, actor, { action: "pause.update", objectType: "request_pause", objectId: pause.id, agencyId: before.agencyId, before: pause, after: { ...pause, toDate: input.toDate } });
    recordEvent(tx, actor, id, "pause_ended", `${PAUSE_KIND_LABELS[pause.kind]}于 ${input.toDate} 结束，恢复计算答复期限`, { pauseId: pause.id });
  });
}

/** A pause recorded by mistake is withdrawn (kept, marked deleted), with a reason. */
export function removePause(actor: Actor, id: string, input: { version: number; pauseId: string; reason: string }): void {
  change(actor, id, input.version, ({ tx, before }) => {
    const pause = loadPause(tx, id, input.pauseId);
    const now = new Date().toISOString();
    tx.update(requestPauses).set({ deletedAt: now, deletedBy: actor.id }).where(eq(requestPauses.id, pause.id)).run();
    applyChange(tx, actor, before, {}, "request.pause_remove");
    recordAudit(tx, actor, { action: "pause.delete", objectType: "request_pause", objectId: pause.id, agencyId: before.agencyId, before: pause, detail: { reason: input.reason } });
    recordEvent(tx, actor, id, "pause_removed", `撤销中止记录（${PAUSE_KIND_LABELS[pause.kind]} ${pause.fromDate} 起）：${input.reason}`, { pauseId: pause.id });
  });
}

/** An extension of up to 20 working days, approved before the unextended due date, the applicant notified. */
export function recordExtension(actor: Actor, id: string, input: ExtensionInput): void {
  change(actor, id, input.version, ({ tx, before }) => {
    assertOpen(before, "延期");
    const clock = clockNow(tx, before, { extensionDays: 0, delayedReplyDate: null });
    if (!clock.due) throw new AppError("INVALID", "申请正在等待补正，答复期限尚未起算，不能登记延期", "days");
    const unextended = clock.due.date;
    notBefore(input.approvedDate, before.receivedDate, "approvedDate", "批准日期", "收到申请之日");
    if (input.approvedDate > unextended) throw new AppError("INVALID", `延期应在原答复期限（${unextended}）届满前批准；批准日期 ${input.approvedDate} 已晚于该期限`, "approvedDate");
    notBefore(input.noticeDate, input.approvedDate, "noticeDate", "告知申请人日期", "批准日期");
    if (input.noticeDate > unextended) throw new AppError("INVALID", `延期应在原答复期限（${unextended}）届满前告知申请人`, "noticeDate");
    applyChange(
      tx,
      actor,
      before,
      { extensionDays: input.days, extensionApprovedBy: input.approvedBy, extensionApprovedDate: input.approvedDate, extensionNoticeDate: input.noticeDate },
      "request.extension",
    );
    recordEvent(tx, actor, id, "extended", `经 ${input.approvedBy} 于 ${input.approvedDate} 批准延长答复期限 ${input.days} 个工作日，${input.noticeDate} 告知申请人`);
  });
}

/** Art 35: the agency sets a later reply date and tells the applicant. */
export function recordDelay(actor: Actor, id: string, input: DelayInput): void {
  change(actor, id, input.version, ({ tx, before }) => {
    assertOpen(before, "另行确定答复日期");
    const clock = clockNow(tx, before, { delayedReplyDate: null });
    if (!clock.due) throw new AppError("INVALID", "申请正在等待补正，答复期限尚未起算", "replyDate");
    if (input.replyDate <= clock.due.date) throw new AppError("INVALID", `另行确定的答复日期应晚于现行答复期限（${clock.due.date}）`, "replyDate");
    notBefore(input.noticeDate, before.receivedDate, "noticeDate", "告知申请人日期", "收到申请之日");
    applyChange(tx, actor, before, { delayedReplyDate: input.replyDate, delayedNoticeDate: input.noticeDate }, "request.delay");
    recordEvent(tx, actor, id, "delayed", `依条例第三十五条另行确定答复日期 ${input.replyDate}，${input.noticeDate} 告知申请人`);
  });
}

/** The reply reached the applicant: the day that counts depends on how it was delivered (A4). */
export function recordDelivery(actor: Actor, id: string, input: DeliveryInput): void {
  change(actor, id, input.version, ({ tx, before }) => {
    if (!before.outcome || !before.concludedDate) throw new AppError("INVALID", "申请尚未办结，请先登记办理结果再登记送达", "deliveredDate");
    notBefore(input.deliveredDate, before.concludedDate, "deliveredDate", "送达日期", "办结（答复）日期");
    applyChange(tx, actor, before, { replyDelivery: input.method, replyDeliveredDate: input.deliveredDate }, "request.delivery");
    const clock = clockNow(tx, { ...before, replyDelivery: input.method, replyDeliveredDate: input.deliveredDate });
    recordEvent(tx, actor, id, "delivered", `答复${REPLY_DELIVERY_LABELS[input.method]}（${input.deliveredDate}）${clock.delivery ? `：${clock.delivery.onTime ? "按期" : "逾期"}` : ""}`);
  });
}
