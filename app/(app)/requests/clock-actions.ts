"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { type ActionState, boundArgument, formAction, fromAppError, fromZodError } from "@/lib/actions";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission, toActor } from "@/lib/auth/current";
import type { Permission } from "@/lib/auth/permissions";
import { addPause, endPause, recordDelay, recordDelivery, recordExtension, recordSupplemented, recordSupplementNotice, removePause } from "@/lib/clock/mutations";
import { requestIdSchema } from "@/lib/requests/schemas";
import { todayInChina } from "@/lib/time";
import { delaySchema, deliverySchema, endPauseSchema, extensionSchema, pauseSchema, removePauseSchema, supplementedSchema, supplementNoticeSchema } from "@/lib/clock/schemas";

/** Every clock form: permission, validation, the one mutation (given today in Beijing), then back to the request page. */
async function run<S extends z.ZodType>(
  id: string,
  form: FormData,
  schema: S,
  mutate: (actor: Actor, data: z.infer<S>, today: string) => void,
  saved: string,
  permission: Permission = "requests.write",
): Promise<ActionState> {
  const user = await requirePermission(permission);
  boundArgument(requestIdSchema, id);
  const input = schema.safeParse(Object.fromEntries(form));
  if (!input.success) return fromZodError(input.error, form);
  try {
    mutate(toActor(user), input.data, todayInChina());
  } catch (error) {
    return fromAppError(error, form);
  }
  revalidatePath(`/requests/${id}`);
  redirect(`/requests/${id}?saved=${saved}#clock`);
}

export const addPauseAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return run(id, form, pauseSchema, (actor, data, today) => addPause(actor, id, data, today), "paused");
});

export const endPauseAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return run(id, form, endPauseSchema, (actor, data, today) => endPause(actor, id, data, today), "pause_ended");
});

export const removePauseAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return run(id, form, removePauseSchema, (actor, data) => removePause(actor, id, data), "pause_removed");
});

export const extensionAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  // An extension approved outside the system, recorded by a supervisor; in the system the handler asks for one (work-actions.ts).
  return run(id, form, extensionSchema, (actor, data, today) => recordExtension(actor, id, data, today), "extended", "extensions.approve");
});

export const delayAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return run(id, form, delaySchema, (actor, data, today) => recordDelay(actor, id, data, today), "delayed", "extensions.approve");
});

export const supplementNoticeAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return run(id, form, supplementNoticeSchema, (actor, data, today) => recordSupplementNotice(actor, id, data, today), "supplement_notice");
});

export const supplementedAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return run(id, form, supplementedSchema, (actor, data, today) => recordSupplemented(actor, id, data, today), "supplemented");
});

export const deliveryAction = formAction(async (id: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  return run(id, form, deliverySchema, (actor, data, today) => recordDelivery(actor, id, data, today), "delivered");
});
