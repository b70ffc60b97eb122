import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { type Tx, writeTx } from "../../db";
import { appeals, type AppealRow } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import { changeRequestIn } from "../requests/unit-of-work";
import { nowIso } from "../time";
import { APPEAL_KIND_LABELS } from "./codes";
import type { AppealInput } from "./schemas";

/** What a case says, as the form and the appeals file give it. */
export type AppealValues = Pick<AppealRow, "kind" | "afterReview" | "filedDate" | "result"> & Partial<Pick<AppealRow, "decidingBody" | "decision" | "decidedDate">>;

/**
 * Which case the writer saw: `"new"` (none with this number may exist yet), the version of the
 * case it edited, or `"current"` for the appeals file, which reads and writes in one transaction.
 */
export type AppealExpectation = "new" | number | "current";

/**
 * The one write path of a case (A2: one record per case): inserts or updates it, checks the
 * version the writer saw, and puts its effect on the request's timeline through the unit of
 * work, which also checks the request is in the actor's write scope.
 */
export function writeAppealIn(
  tx: Tx,
  actor: Actor,
  input: { requestId: string; caseNumber: string; values: AppealValues; expected: AppealExpectation; via: "form" | "import" },
): void {
  const { requestId, caseNumber, values, expected } = input;
  changeRequestIn(tx, actor, requestId, "current", ({ before: request }) => {
    if (values.filedDate < request.receivedDate) throw new AppError("INVALID", `收案日期不能早于申请的收到日期 ${request.receivedDate}`, "filedDate");
    const current = tx
      .select()
      .from(appeals)
      .where(and(eq(appeals.agencyId, request.agencyId), eq(appeals.caseNumber, caseNumber)))
      .get();
    if (current && expected === "new") throw new AppError("CONFLICT", `案号 ${caseNumber} 已登记；要更新该案件，请在案件列表中点“修改”`, "caseNumber");
    if (!current && typeof expected === "number") throw new AppError("CONFLICT", `案号 ${caseNumber} 的案件不存在，请刷新页面`, "caseNumber");
    if (current && expected !== "current" && current.requestId !== requestId) throw new AppError("CONFLICT", `案号 ${caseNumber} 已登记在其他申请下`, "caseNumber");
    if (current && typeof expected === "number" && current.version !== expected) {
      throw new AppError("CONFLICT", "该案件已被他人修改，请刷新页面后重新填写", undefined, `appeal version ${current.version}, expected ${expected}`);
    }
    const row = { ...values, requestId, decidingBody: values.decidingBody ?? null, decision: values.decision ?? null, decidedDate: values.decidedDate ?? null };
    if (current) {
      const written = tx
        .update(appeals)
        .set({ ...row, version: current.version + 1, updatedAt: nowIso(), updatedBy: actor.id })
        .where(and(eq(appeals.id, current.id), eq(appeals.version, current.version)))
        .run();
      if (written.changes !== 1) throw new AppError("CONFLICT", "该案件已被他人修改，请刷新页面后重新填写");
      recordAudit(tx, actor, { action: "appeal.update", objectType: "appeal", objectId: current.id, agencyId: request.agencyId, before: current, after: { ...current, ...row } });
    } else {
      const id = randomUUID();
      tx.insert(appeals).values({ ...row, id, agencyId: request.agencyId, caseNumber, createdBy: actor.id }).run();
      recordAudit(tx, actor, { action: input.via === "import" ? "appeal.import" : "appeal.create", objectType: "appeal", objectId: id, agencyId: request.agencyId, after: { caseNumber, ...row } });
    }
    const verb = current ? "更新" : input.via === "import" ? "导入" : "登记";
    return {
      event: { kind: "appeal", summary: `${verb}${APPEAL_KIND_LABELS[values.kind]}案件 ${caseNumber}` },
      action: "request.appeal",
      detail: { caseNumber },
    };
  });
}

/** The request page's form: a new case, or (with the version it showed) an edit of one. */
export function saveAppeal(actor: Actor, requestId: string, input: AppealInput): void {
  assertCan(actor, "appeals.write", "无权登记复议诉讼案件");
  const { caseNumber, version, ...values } = input;
  writeTx((tx) => writeAppealIn(tx, actor, { requestId, caseNumber, values, expected: version ?? "new", via: "form" }));
}
