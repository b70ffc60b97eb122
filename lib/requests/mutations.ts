import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { type Db, getDb, type Tx, writeTx } from "../../db";
import { requests, type RequestRow, users } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { assertCan, can } from "../auth/permissions";
import { agencySettings } from "../agencies/settings";
import { nowIso } from "../time";
import { AppError } from "../errors";
import { sealPii } from "../pii/crypto";
import type { Outcome } from "./codes";
import { isAbandonment, isDisclosure, outcomeProblem, OUTCOME_LABELS } from "./outcomes";
import { type ConcludeInput, type CreateRequestInput, REQUEST_FIELD_NAMES, type UpdateRequestInput } from "./schemas";
import { HANDLER_ROLES } from "../auth/roles";
import { type Change, changeRequest, insertRequests } from "./unit-of-work";

/** What is stored of the personal fields: ciphertext and keyed hash. */
export function sealedPii(input: { idNumber?: string | null; creditCode?: string | null; phone?: string | null }) {
  const idNumber = sealPii("id_number", input.idNumber);
  const creditCode = sealPii("credit_code", input.creditCode);
  const phone = sealPii("phone", input.phone);
  return {
    idNumberEnc: idNumber.enc,
    idNumberHash: idNumber.hash,
    creditCodeEnc: creditCode.enc,
    creditCodeHash: creditCode.hash,
    phoneEnc: phone.enc,
    phoneHash: phone.hash,
  };
}

function assertSerialFree(tx: Tx, agencyId: string, serial: string, exceptId?: string) {
  const clash = tx
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.agencyId, agencyId), eq(requests.serial, serial)))
    .get();
  if (clash && clash.id !== exceptId) {
    throw new AppError("CONFLICT", `编号 ${serial} 已被本机关的其他申请使用`, "serial", `serial ${serial} exists`);
  }
}

/** What is recorded has happened: a date after today (in Beijing) is a typing mistake. */
export function assertNotFuture(date: string | null | undefined, today: string, field: string, label: string): void {
  if (date && date > today) throw new AppError("INVALID", `${label}（${date}）不能晚于今天（${today}）`, field, `${field} is after today`);
}

/** The receipt date of A3 is derived from the dates of arrival and confirmation; none of them may be after today. */
function assertReceiptDates(input: CreateRequestInput, today: string) {
  assertNotFuture(input.arrivedDate, today, "arrivedDate", "收到（签收/提交）日期");
  assertNotFuture(input.confirmedDate, today, "confirmedDate", "双方确认日期");
  assertNotFuture(input.receivedDate, today, "receivedDate", "收到申请之日");
}

/** A handler is an active clerk or supervisor of the request's agency. */
export function assertHandler(tx: Tx, agencyId: string, userId: string | undefined | null) {
  if (!userId) return;
  const user = tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.agencyId, agencyId), isNull(users.disabledAt), inArray(users.role, HANDLER_ROLES)))
    .get();
  if (!user) throw new AppError("INVALID", "承办人须为本机关在岗的经办人或审核负责人", "handlerUserId", "the handler is not an active clerk or supervisor of the agency");
}

/**
 * Who may assign (分办, A8) in an agency: a user with `requests.assign` (the supervisor), or a
 * clerk when the agency's setting lets the registering clerk assign what they registered.
 */
export function mayAssign(actor: Actor, agencyId: string, registeredBy: string | null, db: Db | Tx = getDb()): boolean {
  if (actor.role === "system" || can(actor.role, "requests.assign")) return true;
  return actor.role === "clerk" && registeredBy === actor.id && agencySettings(agencyId, db).clerkMayAssign;
}

export function assertMayAssign(tx: Tx, actor: Actor, agencyId: string, registeredBy: string | null): void {
  if (!mayAssign(actor, agencyId, registeredBy, tx)) throw new AppError("FORBIDDEN", "只有审核负责人可以分办申请（本机关未允许登记人分办）", "handlerUserId", "may not assign");
}

/** Registers a request in the actor's own agency; personal data is sealed before it is written. */
export function createRequest(actor: Actor, input: CreateRequestInput, today: string): { id: string } {
  assertCan(actor, "requests.write", "无权登记申请");
  if (!actor.agencyId) throw new AppError("FORBIDDEN", "账号未关联机构");
  const agencyId = actor.agencyId;
  assertReceiptDates(input, today);
  return writeTx((tx) => {
    assertSerialFree(tx, agencyId, input.serial);
    // A handler chosen at registration is an assignment (分办, A8): by whoever may assign.
    if (input.handlerUserId) assertMayAssign(tx, actor, agencyId, actor.id);
    assertHandler(tx, agencyId, input.handlerUserId);
    const id = randomUUID();
    const { idNumber, creditCode, phone, ...fields } = input;
    const assigned = input.handlerUserId ? { assignedAt: nowIso(), assignedBy: actor.id } : {};
    insertRequests(tx, actor, agencyId, [
      {
        values: { ...fields, ...assigned, ...sealedPii({ idNumber, creditCode, phone }), id },
        event: { kind: "registered", summary: `登记申请，收到申请之日 ${input.receivedDate}${input.handlerUserId ? "，同时分办" : ""}` },
        action: "request.create",
        audit: { ...input },
      },
    ]);
    return { id };
  });
}

function changedFields(before: RequestRow, after: Partial<RequestRow>): string[] {
  return Object.keys(after).filter((k) => JSON.stringify(before[k as keyof RequestRow] ?? null) !== JSON.stringify(after[k as keyof RequestRow] ?? null));
}

export function updateRequest(actor: Actor, id: string, input: UpdateRequestInput, today: string): void {
  assertCan(actor, "requests.write", "无权修改申请");
  assertReceiptDates(input, today);
  const { version, idNumber, creditCode, phone, handlerUserId: _assignedElsewhere, ...fields } = input;
  // Every field of the form is written: a field left blank clears what was stored. The handler
  // (a user) changes only by assignment (lib/work), never by editing the registration.
  const cleared = Object.fromEntries(REQUEST_FIELD_NAMES.filter((k) => !["idNumber", "creditCode", "phone", "handlerUserId"].includes(k)).map((k) => [k, null]));
  changeRequest(actor, id, version, ({ tx, before }) => {
    if (input.serial !== before.serial) assertSerialFree(tx, before.agencyId, input.serial, id);
    if (before.concludedDate && input.receivedDate > before.concludedDate) {
      throw new AppError("INVALID", `收到申请之日不能晚于办结日期 ${before.concludedDate}`, "receivedDate", "received_date after concluded_date");
    }
    const written = { ...cleared, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) } as Partial<RequestRow>;
    const changed = changedFields(before, written);
    return {
      patch: { ...written, ...sealedPii({ idNumber, creditCode, phone }) },
      event: { kind: "updated", summary: changed.length ? `修改登记信息（${changed.length} 项）` : "修改登记信息", data: { fields: changed } },
      action: "request.update",
    };
  });
}

/** The facts of a conclusion: one outcome row (A1) and its choice, the date, the reply number, a fee. */
export type Conclusion = Pick<ConcludeInput, "outcome" | "concludedDate" | "replyNumber" | "withheldUnderExemptions" | "partNotAvailable" | "feeYuan" | "feePaidDate">;

/** The change that concludes (or corrects the conclusion of) a request: the one definition for a recorded conclusion and an approved reply. */
export function conclusionChange(before: RequestRow, input: Conclusion, today: string, detail?: Record<string, unknown>): Change {
  const problem = outcomeProblem(input.outcome, input);
  if (problem) throw new AppError("INVALID", problem, "outcome");
  assertNotFuture(input.concludedDate, today, "concludedDate", "办结日期");
  assertNotFuture(input.feePaidDate, today, "feePaidDate", "缴费日期");
  if (input.concludedDate < before.receivedDate) throw new AppError("INVALID", `办结日期不能早于收到申请之日 ${before.receivedDate}`, "concludedDate");
  // A1: deemed abandoned only once the 补正 period has lapsed unanswered, on a day after it ended.
  if (input.outcome === "other_no_supplement") {
    if (!before.supplementNoticeDate || !before.supplementDeadline || before.supplementedDate) {
      throw new AppError("INVALID", "“逾期未补正”须已登记告知补正（含补正期限），且未收到补正", "outcome");
    }
    if (input.concludedDate <= before.supplementDeadline) {
      throw new AppError("INVALID", `补正期限（${before.supplementDeadline}）届满后才能视为放弃，办结日期最早为其次日`, "concludedDate");
    }
  }
  const facts = isDisclosure(input.outcome);
  const label = OUTCOME_LABELS[input.outcome as Outcome];
  return {
    patch: {
      outcome: input.outcome,
      concludedDate: input.concludedDate,
      replyNumber: input.replyNumber ?? null,
      withheldUnderExemptions: facts && input.withheldUnderExemptions,
      partNotAvailable: facts && input.partNotAvailable,
      feeYuan: input.feeYuan ?? null,
      feePaidDate: input.feePaidDate ?? null,
    },
    event: {
      kind: before.outcome ? "reconcluded" : "concluded",
      summary: `${before.outcome ? "更正办理结果" : "办结"}：${label}，办结日期 ${input.concludedDate}`,
      data: { outcome: input.outcome, previous: before.outcome, ...detail },
    },
    action: before.outcome ? "request.reconclude" : "request.conclude",
    detail,
  };
}

/**
 * Records a conclusion as a fact. A reply is issued in the system only after its last approval
 * (A8, lib/work); recording one directly — a reply issued outside the system, or a correction of a
 * concluded request — is for someone who may approve replies. An abandonment (补正 or fee period
 * lapsed) is concluded by the handler on the day it is recorded, without approval.
 */
export function concludeRequest(actor: Actor, id: string, input: ConcludeInput, today: string): void {
  assertCan(actor, "requests.decide", "无权办结申请");
  changeRequest(actor, id, input.version, ({ before }) => {
    if (isAbandonment(input.outcome) && !before.outcome && actor.role !== "system" && !can(actor.role, "requests.approve")) {
      // The handler records it, on the day it is recorded (A1).
      if (before.handlerUserId && before.handlerUserId !== actor.id) throw new AppError("FORBIDDEN", "视为放弃由本申请的承办人登记");
      if (input.concludedDate !== today) throw new AppError("INVALID", `视为放弃的办结日期为登记之日（${today}）`, "concludedDate");
    }
    if (!isAbandonment(input.outcome) || before.outcome) {
      assertCan(actor, "requests.approve", before.outcome ? "更正办理结果须由审核负责人办理" : "答复须经审核后签发：请在“拟办”中提交答复意见");
      // Nobody approves their own reply (A8): the handler drafts it, another approves it.
      if (before.handlerUserId && before.handlerUserId === actor.id) throw new AppError("FORBIDDEN", "本人承办的申请，答复须经其他负责人审核：请提交拟办意见");
    }
    return conclusionChange(before, input, today);
  });
}

/** The applicant withdrew: concluded as 其他处理·其他 on the day the withdrawal was received (A1). */
export function withdrawRequest(actor: Actor, id: string, input: { version: number; withdrawnDate: string; reason?: string }, today: string): void {
  assertCan(actor, "requests.decide", "无权办结申请");
  assertNotFuture(input.withdrawnDate, today, "withdrawnDate", "收到撤回之日");
  changeRequest(actor, id, input.version, ({ before }) => {
    if (before.outcome) throw new AppError("INVALID", "此申请已办结，不能再登记撤回");
    if (input.withdrawnDate < before.receivedDate) throw new AppError("INVALID", `撤回日期不能早于收到申请之日 ${before.receivedDate}`, "withdrawnDate");
    return {
      patch: { outcome: "other_other", concludedDate: input.withdrawnDate },
      event: { kind: "withdrawn", summary: `申请人撤回申请（${input.withdrawnDate}），按“其他处理·其他”办结`, data: { reason: input.reason ?? null } },
      action: "request.withdraw",
    };
  });
}
