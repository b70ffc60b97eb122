import "server-only";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { AppError } from "../errors";
import { assertHandler, assertMayAssign } from "../requests/mutations";
import { changeRequest } from "../requests/unit-of-work";
import { nowIso } from "../time";
import { userDisplayName } from "../users/queries";
import type { AssignInput } from "./schemas";

/**
 * 分办 / 签收 / 退回 (domain.md A8). A request is assigned to a handler, a user of its agency;
 * the handler accepts it (签收, the request is then 办理中) or returns it with a reason (it waits
 * to be assigned again). Each is a change through the unit of work: on the timeline, audited,
 * the version raised; reassignment keeps the earlier assignments on the timeline.
 */

export function assignRequest(actor: Actor, id: string, input: AssignInput): void {
  assertCan(actor, "requests.write", "无权分办申请");
  changeRequest(actor, id, input.version, ({ tx, before }) => {
    if (before.outcome) throw new AppError("INVALID", "此申请已办结，不能再分办");
    assertMayAssign(tx, actor, before.agencyId, before.createdBy);
    assertHandler(tx, before.agencyId, input.handlerUserId);
    if (before.handlerUserId === input.handlerUserId) throw new AppError("INVALID", "此申请已分办给该承办人", "handlerUserId");
    const name = userDisplayName(input.handlerUserId, tx);
    const previous = before.handlerUserId ? userDisplayName(before.handlerUserId, tx) : null;
    return {
      patch: { handlerUserId: input.handlerUserId, assignedAt: nowIso(), assignedBy: actor.id, acceptedAt: null },
      event: {
        kind: "assigned",
        summary: previous ? `改派：由 ${previous} 改为 ${name}` : `分办给 ${name}`,
        data: { handlerUserId: input.handlerUserId, previous: before.handlerUserId },
      },
      action: "request.assign",
    };
  });
}

/** The handler must be the one acting: nobody accepts or returns another's assignment. */
function assertHandlerIsActor(actor: Actor, handlerUserId: string | null): void {
  if (!handlerUserId || handlerUserId !== actor.id) throw new AppError("FORBIDDEN", "只有被分办的承办人本人可以签收或退回");
}

export function acceptAssignment(actor: Actor, id: string, input: { version: number }): void {
  assertCan(actor, "requests.write", "无权签收申请");
  changeRequest(actor, id, input.version, ({ before }) => {
    assertHandlerIsActor(actor, before.handlerUserId);
    if (before.acceptedAt) throw new AppError("INVALID", "您已签收此申请");
    return { patch: { acceptedAt: nowIso() }, event: { kind: "accepted", summary: "承办人签收" }, action: "request.accept" };
  });
}

export function returnAssignment(actor: Actor, id: string, input: { version: number; reason: string }): void {
  assertCan(actor, "requests.write", "无权退回申请");
  changeRequest(actor, id, input.version, ({ before }) => {
    assertHandlerIsActor(actor, before.handlerUserId);
    if (before.acceptedAt) throw new AppError("INVALID", "已签收的申请不能退回；如需改派，请联系审核负责人");
    return {
      patch: { handlerUserId: null, assignedAt: null, assignedBy: null, acceptedAt: null },
      event: { kind: "assignment_returned", summary: `承办人退回分办：${input.reason}`, data: { reason: input.reason } },
      action: "request.return_assignment",
      detail: { reason: input.reason },
    };
  });
}
