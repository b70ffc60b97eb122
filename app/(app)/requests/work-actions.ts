"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionState, boundArgument, formAction, fromAppError, fromZodError } from "@/lib/actions";
import { requirePermission, toActor } from "@/lib/auth/current";
import { todayInChina } from "@/lib/time";
import { acceptAssignment, assignRequest, returnAssignment } from "@/lib/work/assignment";
import { decideApproval, requestDelay, requestExtension, requestVoid, submitReplyDraft } from "@/lib/work/approvals";
import {
  acceptSchema,
  approvalIdSchema,
  assignSchema,
  decisionSchema,
  delayRequestSchema,
  draftSchema,
  extensionRequestSchema,
  returnAssignmentSchema,
  voidRequestSchema,
} from "@/lib/work/schemas";
import { changeFromForm } from "./change-from-form";

/** The work on a request (domain.md A8): each form's one lib/work function, through changeFromForm. */
const saved = (what: string) => `?saved=${what}`;

export const assignAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return changeFromForm(id, form, "requests.assign", assignSchema, (actor, data) => assignRequest(actor, id, data), saved("assigned"));
});

export const acceptAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return changeFromForm(id, form, "requests.write", acceptSchema, (actor, data) => acceptAssignment(actor, id, data), saved("accepted"));
});

export const returnAssignmentAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return changeFromForm(id, form, "requests.write", returnAssignmentSchema, (actor, data) => returnAssignment(actor, id, data), saved("assignment_returned"));
});

export const draftAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return changeFromForm(id, form, "requests.decide", draftSchema, (actor, data) => submitReplyDraft(actor, id, data), saved("submitted"));
});

export const extensionRequestAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return changeFromForm(id, form, "requests.write", extensionRequestSchema, (actor, data, today) => requestExtension(actor, id, data, today), saved("extension_requested"));
});

export const delayRequestAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return changeFromForm(id, form, "requests.write", delayRequestSchema, (actor, data, today) => requestDelay(actor, id, data, today), saved("delay_requested"));
});

export const voidRequestAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return changeFromForm(id, form, "requests.write", voidRequestSchema, (actor, data) => requestVoid(actor, id, data), saved("void_requested"));
});

/** 审核 / 签发 of one approval (its id bound); back to the request, which shows the result. */
export const decideApprovalAction = formAction(async (approvalId: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  const user = await requirePermission("requests.approve");
  boundArgument(approvalIdSchema, approvalId);
  const input = decisionSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return fromZodError(input.error, form);
  let outcome: ReturnType<typeof decideApproval>;
  try {
    outcome = decideApproval(toActor(user), approvalId, input.data, todayInChina());
  } catch (error) {
    return fromAppError(error, form);
  }
  revalidatePath(`/requests/${outcome.requestId}`);
  revalidatePath("/todo");
  redirect(`/requests/${outcome.requestId}?saved=${outcome.result === "returned" ? "approval_returned" : outcome.result === "step" ? "approval_step" : "approved"}`);
});
