import type { ApprovalRow } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { can, type Permission } from "../auth/permissions";
import { AppError } from "../errors";
import { APPROVAL_KIND_LABELS, APPROVAL_KINDS, type ApprovalKind } from "../requests/codes";

/**
 * Who may decide an approval (domain.md A8): the one rule that decideApproval enforces and that
 * the pages and lists ask before they offer a decision.
 */

/** The permission each kind is decided with. */
const DECIDES: Record<ApprovalKind, Permission> = {
  reply: "requests.approve",
  extension: "extensions.approve",
  delay: "extensions.approve",
  void: "requests.approve",
};

export function mayDecideKind(actor: Actor, kind: ApprovalKind): boolean {
  return actor.role === "system" || can(actor.role, DECIDES[kind]);
}

export function decidableKinds(actor: Actor): ApprovalKind[] {
  return APPROVAL_KINDS.filter((kind) => mayDecideKind(actor, kind));
}

/**
 * Why the actor may not decide the approval now, or null when they may: the permission of its
 * kind, a decision already taken, one's own submission, both levels by one person. (The agency
 * is the request's scope: decideApproval reads the request within the actor's write scope.)
 */
export function decisionRefusal(actor: Actor, approval: Pick<ApprovalRow, "kind" | "status" | "requestedBy" | "levelsDone" | "firstApprovedBy">): AppError | null {
  if (!mayDecideKind(actor, approval.kind)) return new AppError("FORBIDDEN", `无权审批${APPROVAL_KIND_LABELS[approval.kind]}`);
  if (approval.status !== "pending") return new AppError("CONFLICT", "此审批事项已被处理或已更新，请刷新页面后查看");
  if (approval.requestedBy === actor.id) return new AppError("FORBIDDEN", "不能审批本人提交的事项");
  if (approval.levelsDone > 0 && approval.firstApprovedBy === actor.id) return new AppError("FORBIDDEN", "审核与签发须由不同的人办理");
  return null;
}
