import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { writeTx } from "../../db";
import { appeals } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import { changeRequestIn } from "../requests/unit-of-work";
import { nowIso } from "../time";
import { APPEAL_KIND_LABELS } from "./codes";
import type { AppealInput } from "./schemas";

/**
 * Records a case against a request, or updates the case with that number (one record per case,
 * A2). Its effect on the request — the event on its timeline — goes through the unit of work,
 * which also checks the request is in the actor's write scope.
 */
export function saveAppeal(actor: Actor, requestId: string, input: AppealInput): void {
  assertCan(actor, "appeals.write", "无权登记复议诉讼案件");
  writeTx((tx) => {
    changeRequestIn(tx, actor, requestId, "current", ({ before: request }) => {
      if (input.filedDate < request.receivedDate) throw new AppError("INVALID", `收案日期不能早于申请的收到日期 ${request.receivedDate}`, "filedDate");
      const current = tx
        .select()
        .from(appeals)
        .where(and(eq(appeals.agencyId, request.agencyId), eq(appeals.caseNumber, input.caseNumber)))
        .get();
      if (current && current.requestId !== requestId) throw new AppError("CONFLICT", `案号 ${input.caseNumber} 已登记在其他申请下`, "caseNumber");
      const values = {
        kind: input.kind,
        afterReview: input.afterReview,
        filedDate: input.filedDate,
        decidingBody: input.decidingBody ?? null,
        decision: input.decision ?? null,
        result: input.result,
        decidedDate: input.decidedDate ?? null,
      };
      if (current) {
        tx.update(appeals).set({ ...values, version: current.version + 1, updatedAt: nowIso(), updatedBy: actor.id }).where(eq(appeals.id, current.id)).run();
        recordAudit(tx, actor, { action: "appeal.update", objectType: "appeal", objectId: current.id, agencyId: request.agencyId, before: current, after: { ...current, ...values } });
      } else {
        const id = randomUUID();
        tx.insert(appeals).values({ ...values, id, agencyId: request.agencyId, requestId, caseNumber: input.caseNumber, createdBy: actor.id }).run();
        recordAudit(tx, actor, { action: "appeal.create", objectType: "appeal", objectId: id, agencyId: request.agencyId, after: { caseNumber: input.caseNumber, ...values } });
      }
      return {
        event: { kind: "appeal", summary: `${current ? "更新" : "登记"}${APPEAL_KIND_LABELS[input.kind]}案件 ${input.caseNumber}` },
        action: "request.appeal",
        detail: { caseNumber: input.caseNumber },
      };
    });
  });
}

