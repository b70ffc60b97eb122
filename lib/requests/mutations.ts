import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { type Tx, writeTx } from "../../db";
import { requestEvents, requests, type RequestRow } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { canReadAgency } from "../agencies/queries";
import { AppError } from "../errors";
import { currentCalendar } from "../calendar/queries";
import { refreshClock } from "../clock/store";
import { sealPii } from "../pii/crypto";
import type { Outcome } from "./codes";
import { outcomeProblem, OUTCOME_LABELS } from "./outcomes";
import { openPii } from "./pii";
import type { ConcludeInput, CreateRequestInput, UpdateRequestInput } from "./schemas";

export function recordEvent(tx: Tx, actor: Actor, requestId: string, kind: string, summary: string, data?: unknown): void {
  tx.insert(requestEvents)
    .values({ requestId, actorId: actor.id, kind, summary, data: data === undefined ? null : JSON.stringify(data) })
    .run();
}

/** The plain (decrypted) fields of a request, for audit change sets and comparisons. */
export function plainRecord(row: RequestRow) {
  return { ...row, ...openPii(row) };
}

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

export function nextSeq(tx: Tx): number {
  return (tx.get<{ n: number }>(sql`SELECT coalesce(max(seq), 0) + 1 AS n FROM requests`)?.n ?? 1) as number;
}

export function assertSerialFree(tx: Tx, agencyId: string, serial: string, exceptId?: string) {
  const clash = tx
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.agencyId, agencyId), eq(requests.serial, serial)))
    .get();
  if (clash && clash.id !== exceptId) {
    throw new AppError("CONFLICT", `编号 ${serial} 已被本机关的其他申请使用`, "serial", `serial ${serial} exists`);
  }
}

/** Registers a request in the actor's own agency; personal data is sealed before it is written. */
export function createRequest(actor: Actor, input: CreateRequestInput): { id: string } {
  assertCan(actor, "requests.write", "无权登记申请");
  if (!actor.agencyId) throw new AppError("FORBIDDEN", "账号未关联机构");
  const agencyId = actor.agencyId;
  return writeTx((tx) => {
    assertSerialFree(tx, agencyId, input.serial);
    const id = randomUUID();
    const { idNumber, creditCode, phone, ...fields } = input;
    tx.insert(requests)
      .values({
        ...fields,
        ...sealedPii({ idNumber, creditCode, phone }),
        id,
        seq: nextSeq(tx),
        agencyId,
        status: "registered",
        createdBy: actor.id,
      })
      .run();
    refreshClock(tx, currentCalendar(tx), id);
    recordEvent(tx, actor, id, "registered", `登记申请，收到申请之日 ${input.receivedDate}`);
    recordAudit(tx, actor, { action: "request.create", objectType: "request", objectId: id, agencyId, after: { ...input } });
    return { id };
  });
}

/** Loads a request for a change, inside the transaction, scoped and version-checked. */
export function loadForChange(tx: Tx, actor: Actor, id: string, version: number): RequestRow {
  const row = tx.select().from(requests).where(eq(requests.id, id)).get();
  if (!row || row.deletedAt || !canReadAgency(actor, row.agencyId)) throw new AppError("NOT_FOUND", "申请不存在或无权查看");
  if (row.version !== version) {
    throw new AppError(
      "CONFLICT",
      `此申请已被他人修改（您编辑的是第 ${version} 版，当前为第 ${row.version} 版）。您的修改没有保存，请刷新页面后重新操作。`,
      undefined,
      "stale version",
    );
  }
  return row;
}

/** Applies a patch with optimistic locking: `version` must still be the one the user edited. */
export function applyChange(tx: Tx, actor: Actor, before: RequestRow, patch: Partial<typeof requests.$inferInsert>, action: string): RequestRow {
  const now = new Date().toISOString();
  const result = tx
    .update(requests)
    .set({ ...patch, version: before.version + 1, updatedAt: now, updatedBy: actor.id })
    .where(and(eq(requests.id, before.id), eq(requests.version, before.version)))
    .run();
  if (result.changes !== 1) throw new AppError("CONFLICT", "此申请已被他人修改，您的修改没有保存，请刷新页面后重新操作。");
  const after = tx.select().from(requests).where(eq(requests.id, before.id)).get() as RequestRow;
  recordAudit(tx, actor, { action, objectType: "request", objectId: before.id, agencyId: before.agencyId, before: plainRecord(before), after: plainRecord(after) });
  return after;
}

export function updateRequest(actor: Actor, id: string, input: UpdateRequestInput): void {
  assertCan(actor, "requests.write", "无权修改申请");
  writeTx((tx) => {
    const before = loadForChange(tx, actor, id, input.version);
    if (input.serial !== before.serial) assertSerialFree(tx, before.agencyId, input.serial, id);
    const { version: _v, idNumber, creditCode, phone, ...fields } = input;
    if (before.concludedDate && input.receivedDate > before.concludedDate) {
      throw new AppError("INVALID", "收到申请之日不能晚于办结日期", "receivedDate");
    }
    const after = applyChange(tx, actor, before, { ...fields, ...sealedPii({ idNumber, creditCode, phone }) }, "request.update");
    refreshClock(tx, currentCalendar(tx), id);
    const changed = Object.keys(fields).filter((k) => JSON.stringify(before[k as keyof RequestRow] ?? null) !== JSON.stringify(after[k as keyof RequestRow] ?? null));
    recordEvent(tx, actor, id, "updated", changed.length ? `修改登记信息（${changed.length} 项）` : "修改登记信息", { fields: changed });
  });
}

/** Records the answer: one outcome row (A1), its date and reply number; the request is concluded (A7). */
export function concludeRequest(actor: Actor, id: string, input: ConcludeInput): void {
  assertCan(actor, "requests.decide", "无权办结申请");
  const problem = outcomeProblem(input.outcome, input);
  if (problem) throw new AppError("INVALID", problem, "outcome");
  writeTx((tx) => {
    const before = loadForChange(tx, actor, id, input.version);
    if (input.concludedDate < before.receivedDate) throw new AppError("INVALID", `办结日期不能早于收到申请之日 ${before.receivedDate}`, "concludedDate");
    const facts = input.outcome === "disclose" || input.outcome === "partial";
    applyChange(
      tx,
      actor,
      before,
      {
        outcome: input.outcome,
        concludedDate: input.concludedDate,
        replyNumber: input.replyNumber ?? null,
        withheldUnderExemptions: facts && input.withheldUnderExemptions,
        partNotAvailable: facts && input.partNotAvailable,
        feeYuan: input.feeYuan ?? null,
        feePaidDate: input.feePaidDate ?? null,
        status: "concluded",
      },
      before.outcome ? "request.reconclude" : "request.conclude",
    );
    refreshClock(tx, currentCalendar(tx), id);
    const label = OUTCOME_LABELS[input.outcome as Outcome];
    recordEvent(tx, actor, id, before.outcome ? "reconcluded" : "concluded", `${before.outcome ? "更正办理结果" : "办结"}：${label}，办结日期 ${input.concludedDate}`, {
      outcome: input.outcome,
      previous: before.outcome,
    });
  });
}

/** The applicant withdrew: concluded as 其他处理·其他 on the day the withdrawal was received (A1). */
export function withdrawRequest(actor: Actor, id: string, input: { version: number; withdrawnDate: string; reason?: string }): void {
  assertCan(actor, "requests.decide", "无权办结申请");
  writeTx((tx) => {
    const before = loadForChange(tx, actor, id, input.version);
    if (before.outcome) throw new AppError("INVALID", "此申请已办结，不能再登记撤回");
    if (input.withdrawnDate < before.receivedDate) throw new AppError("INVALID", `撤回日期不能早于收到申请之日 ${before.receivedDate}`, "withdrawnDate");
    applyChange(tx, actor, before, { outcome: "other_other", concludedDate: input.withdrawnDate, status: "concluded" }, "request.withdraw");
    refreshClock(tx, currentCalendar(tx), id);
    recordEvent(tx, actor, id, "withdrawn", `申请人撤回申请（${input.withdrawnDate}），按“其他处理·其他”办结`, { reason: input.reason ?? null });
  });
}
