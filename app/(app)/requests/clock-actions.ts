"use server";

import { type ActionState, formAction } from "@/lib/actions";
import { addPause, endPause, recordDelay, recordDelivery, recordExtension, recordSupplemented, recordSupplementNotice, removePause } from "@/lib/clock/mutations";
import { changeFromForm } from "./change-from-form";
import { delaySchema, deliverySchema, endPauseSchema, extensionSchema, pauseSchema, removePauseSchema, supplementedSchema, supplementNoticeSchema } from "@/lib/clock/schemas";

/** Every clock form goes back to the request's clock panel. */
const clock = (saved: string) => `?saved=${saved}#clock`;

export const addPauseAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return changeFromForm(id, form, "requests.write", pauseSchema, (actor, data, today) => addPause(actor, id, data, today), clock("paused"));
});

export const endPauseAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return changeFromForm(id, form, "requests.write", endPauseSchema, (actor, data, today) => endPause(actor, id, data, today), clock("pause_ended"));
});

export const removePauseAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return changeFromForm(id, form, "requests.write", removePauseSchema, (actor, data) => removePause(actor, id, data), clock("pause_removed"));
});

export const extensionAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  // An extension approved outside the system, recorded by a supervisor; in the system the handler asks for one (work-actions.ts).
  return changeFromForm(id, form, "extensions.approve", extensionSchema, (actor, data, today) => recordExtension(actor, id, data, today), clock("extended"));
});

export const delayAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return changeFromForm(id, form, "extensions.approve", delaySchema, (actor, data, today) => recordDelay(actor, id, data, today), clock("delayed"));
});

export const supplementNoticeAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return changeFromForm(id, form, "requests.write", supplementNoticeSchema, (actor, data, today) => recordSupplementNotice(actor, id, data, today), clock("supplement_notice"));
});

export const supplementedAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return changeFromForm(id, form, "requests.write", supplementedSchema, (actor, data, today) => recordSupplemented(actor, id, data, today), clock("supplemented"));
});

export const deliveryAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return changeFromForm(id, form, "requests.write", deliverySchema, (actor, data, today) => recordDelivery(actor, id, data, today), clock("delivered"));
});
