import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { type Tx, writeTx } from "../../db";
import { appeals, approvals, type ApprovalRow, type RequestRow } from "../../db/schema";
import { agencySettings } from "../agencies/settings";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { delayChange, extensionChange } from "../clock/mutations";
import { clockOf } from "../deadlines/clock";
import { AppError } from "../errors";
import { APPROVAL_KIND_LABELS, APPROVAL_LEVEL_LABELS, type ApprovalKind } from "../requests/codes";
import { conclusionChange } from "../requests/mutations";
import { OUTCOME_LABELS, outcomeProblem } from "../requests/outcomes";
import { type Change, changeRequestIn, livePauses, type Work } from "../requests/unit-of-work";
import { nowIso } from "../time";
import { userDisplayName } from "../users/queries";
import { decisionRefusal } from "./decisions";
import type { DecisionInput, DelayProposal, DelayRequestInput, DraftInput, ExtensionProposal, ExtensionRequestInput, ReplyProposal } from "./schemas";

/**
 * 拟办 → 审核 (→ 签发), and the other steps that wait for a decision (domain.md A8): an
 * extension, an Art 35 later reply date, a void. The handler submits; nothing on the request
 * changes but its status (待审核) until the last approval, which applies the proposal through the
 * same change as a recorded one (lib/requests/mutations conclusionChange, lib/clock extensionChange,
 * delayChange). Nobody decides what they submitted, and with two levels 审核 and 签发 are two people.
 * Every submission and decision is one change to the request: on its timeline, audited, in one
 * transaction with the approval row.
 */

function pendingOf(tx: Tx, requestId: string, kind: ApprovalKind): ApprovalRow | undefined {
  return tx
    .select()
    .from(approvals)
    .where(and(eq(approvals.requestId, requestId), eq(approvals.kind, kind), eq(approvals.status, "pending")))
    .get();
}

/** The handler's own steps: only the accepted handler drafts or asks for more time. */
function assertAcceptedHandler(actor: Actor, before: RequestRow): void {
  if (actor.role === "system") return;
  if (before.handlerUserId !== actor.id) throw new AppError("FORBIDDEN", "只有本申请的承办人可以提交");
  if (!before.acceptedAt) throw new AppError("INVALID", "请先签收此申请");
}

function assertOpen(before: RequestRow): void {
  if (before.outcome) throw new AppError("INVALID", "此申请已办结");
}

/** A submission: the approval row written and the request's change (status derived as 待审核). */
function submit(tx: Tx, actor: Actor, before: RequestRow, kind: ApprovalKind, payload: unknown, reason: string | null, summary: string): Change {
  if (!actor.id) throw new AppError("FORBIDDEN", "审批须由系统用户提交");
  if (pendingOf(tx, before.id, kind)) throw new AppError("CONFLICT", `此申请已有待审批的${APPROVAL_KIND_LABELS[kind]}`);
  const levels = kind === "reply" ? agencySettings(before.agencyId, tx).approvalLevels : 1;
  const id = randomUUID();
  tx.insert(approvals)
    .values({ id, requestId: before.id, agencyId: before.agencyId, kind, payload: JSON.stringify(payload), reason, levels, requestedBy: actor.id, requestedAt: nowIso() })
    .run();
  return {
    event: { kind: "submitted", summary, data: { approvalId: id, kind } },
    action: "request.submit_approval",
    detail: { approvalId: id, kind, payload, reason },
  };
}

/** 拟办: the reply proposed (outcome row, legal basis, text) goes to 审核. */
export function submitReplyDraft(actor: Actor, id: string, input: DraftInput): void {
  assertCan(actor, "requests.decide", "无权拟办答复");
  const problem = outcomeProblem(input.outcome, input);
  if (problem) throw new AppError("INVALID", problem, "outcome");
  const { version, ...proposal } = input;
  writeTx((tx) =>
    changeRequestIn(tx, actor, id, version, ({ before }) => {
      assertOpen(before);
      assertAcceptedHandler(actor, before);
      return submit(tx, actor, before, "reply", proposal satisfies ReplyProposal, null, `提交答复审批：${OUTCOME_LABELS[input.outcome]}`);
    }),
  );
}

/**
 * The due date an approval must come before: without an extension (for an extension), or with it
 * but without an Art 35 date (for an Art 35 date).
 */
function dueBefore({ tx, calendar, before }: Work, today: string, kind: "extension" | "delay"): string {
  const overrides = kind === "extension" ? { extensionDays: 0, delayedReplyDate: null } : { delayedReplyDate: null };
  const clock = clockOf(calendar, { ...before, ...overrides, pauses: livePauses(tx, [before.id]).get(before.id) ?? [] }, today);
  if (!clock.due) throw new AppError("INVALID", "申请正在等待补正，答复期限尚未起算");
  return clock.due.date;
}

export function requestExtension(actor: Actor, id: string, input: ExtensionRequestInput, today: string): void {
  assertCan(actor, "requests.write", "无权申请延期");
  writeTx((tx) =>
    changeRequestIn(tx, actor, id, input.version, (work) => {
      assertOpen(work.before);
      assertAcceptedHandler(actor, work.before);
      if (work.before.extensionDays > 0) throw new AppError("INVALID", "此申请已延期，不能再次申请延期", "extensionDays");
      const due = dueBefore(work, today, "extension");
      if (today > due) throw new AppError("INVALID", `原答复期限（${due}）已过，不能再申请延期`, "extensionDays");
      return submit(tx, actor, work.before, "extension", { extensionDays: input.extensionDays } satisfies ExtensionProposal, input.reason, `申请延长答复期限 ${input.extensionDays} 个工作日：${input.reason}`);
    }),
  );
}

export function requestDelay(actor: Actor, id: string, input: DelayRequestInput, today: string): void {
  assertCan(actor, "requests.write", "无权申请延迟答复");
  writeTx((tx) =>
    changeRequestIn(tx, actor, id, input.version, (work) => {
      assertOpen(work.before);
      assertAcceptedHandler(actor, work.before);
      const due = dueBefore(work, today, "delay");
      if (today > due) throw new AppError("INVALID", `答复期限（${due}）已过，不能再申请延迟答复`, "delayedReplyDate");
      if (input.delayedReplyDate <= due) throw new AppError("INVALID", `延迟答复的期限应晚于现行答复期限（${due}）`, "delayedReplyDate");
      return submit(tx, actor, work.before, "delay", { delayedReplyDate: input.delayedReplyDate } satisfies DelayProposal, input.reason, `申请依条例第三十五条延迟至 ${input.delayedReplyDate} 答复：${input.reason}`);
    }),
  );
}

/** 作废: asked by anyone who works on the agency's requests, carried out only on a supervisor's approval. */
export function requestVoid(actor: Actor, id: string, input: { version: number; reason: string }): void {
  assertCan(actor, "requests.write", "无权申请作废");
  writeTx((tx) =>
    changeRequestIn(tx, actor, id, input.version, ({ before }) => {
      // A registration made in error has no appeal; one that has is a real application.
      if (tx.select({ id: appeals.id }).from(appeals).where(and(eq(appeals.requestId, before.id), isNull(appeals.deletedAt))).get()) {
        throw new AppError("INVALID", "此申请已登记复议诉讼案件，不能作废");
      }
      return submit(tx, actor, before, "void", {}, input.reason, `申请作废：${input.reason}`);
    }),
  );
}

/** What the last approval does to the request. */
function applyApproval(work: Work, approval: ApprovalRow, approverName: string, today: string, comment: string | undefined): Change {
  const detail = { approvalId: approval.id, comment };
  if (approval.kind !== "void" && work.before.outcome) throw new AppError("INVALID", "此申请已办结，不能再批准");
  switch (approval.kind) {
    case "reply": {
      const p = JSON.parse(approval.payload) as ReplyProposal;
      // The issue date is the day of the last approval (A1, A8).
      return conclusionChange(
        work.before,
        {
          outcome: p.outcome,
          concludedDate: today,
          replyNumber: p.replyNumber ?? work.before.replyNumber ?? undefined,
          withheldUnderExemptions: p.withheldUnderExemptions,
          partNotAvailable: p.partNotAvailable,
          feeYuan: work.before.feeYuan ?? undefined,
          feePaidDate: work.before.feePaidDate ?? undefined,
        },
        today,
        detail,
      );
    }
    case "extension": {
      const p = JSON.parse(approval.payload) as ExtensionProposal;
      return { ...extensionChange(work, { extensionDays: p.extensionDays, approvedBy: approverName, approvedDate: today, noticeDate: null }, today), detail };
    }
    case "delay": {
      const p = JSON.parse(approval.payload) as DelayProposal;
      const due = dueBefore(work, today, "delay");
      if (today > due) throw new AppError("INVALID", `延迟答复应在答复期限（${due}）届满前批准`, "delayedReplyDate");
      return { ...delayChange(work, { delayedReplyDate: p.delayedReplyDate, noticeDate: null }, today), detail };
    }
    case "void":
      return {
        patch: { voidedAt: nowIso(), voidedBy: work.actor.id, voidReason: approval.reason },
        event: { kind: "voided", summary: `经 ${approverName} 批准作废：${approval.reason ?? ""}`, data: detail },
        action: "request.void",
        detail,
      };
  }
}

/**
 * 审核 / 签发: approve (the next level, or the last, which applies the proposal) or return with a
 * reason. Refused: deciding one's own submission, both levels by one person, a kind the actor may
 * not decide, a decision already taken (stale form).
 */
export function decideApproval(actor: Actor, approvalId: string, input: DecisionInput, today: string): { requestId: string; result: "returned" | "step" | "approved" } {
  let result: "returned" | "step" | "approved" = "approved";
  const requestId = writeTx((tx) => {
    const approval = tx.select().from(approvals).where(eq(approvals.id, approvalId)).get();
    if (!approval) throw new AppError("NOT_FOUND", "审批事项不存在或无权查看");
    // The request's scope decides who sees the approval at all (another agency's: not found).
    changeRequestIn(tx, actor, approval.requestId, "current", (work) => {
      const refusal = decisionRefusal(actor, approval);
      if (refusal) throw refusal;
      if (approval.version !== input.approvalVersion) throw new AppError("CONFLICT", "此审批事项已被处理或已更新，请刷新页面后查看");
      const level = APPROVAL_LEVEL_LABELS[approval.levelsDone] ?? "审核";
      const approverName = userDisplayName(actor.id, tx);
      const at = nowIso();
      const stamp = { version: approval.version + 1 };
      if (input.decision === "return") {
        result = "returned";
        tx.update(approvals)
          .set({ ...stamp, status: "returned", returnReason: input.comment ?? null, decidedBy: actor.id, decidedAt: at, decidedDate: today })
          .where(eq(approvals.id, approval.id))
          .run();
        return {
          event: { kind: "approval_returned", summary: `${level}退回${APPROVAL_KIND_LABELS[approval.kind]}：${input.comment ?? ""}`, data: { approvalId: approval.id } },
          action: "request.approval_return",
          detail: { approvalId: approval.id, level, comment: input.comment },
        };
      }
      if (approval.levelsDone + 1 < approval.levels) {
        result = "step";
        tx.update(approvals).set({ ...stamp, levelsDone: approval.levelsDone + 1, firstApprovedBy: actor.id, firstApprovedAt: at }).where(eq(approvals.id, approval.id)).run();
        return {
          event: { kind: "approved", summary: `${level}通过${input.comment ? `：${input.comment}` : ""}，待${APPROVAL_LEVEL_LABELS[approval.levelsDone + 1]}`, data: { approvalId: approval.id } },
          action: "request.approval_step",
          detail: { approvalId: approval.id, level, comment: input.comment },
        };
      }
      tx.update(approvals)
        .set({ ...stamp, status: "approved", levelsDone: approval.levels, decidedBy: actor.id, decidedAt: at, decidedDate: today })
        .where(eq(approvals.id, approval.id))
        .run();
      return applyApproval(work, approval, approverName, today, input.comment);
    });
    return approval.requestId;
  });
  return { requestId, result };
}
