"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { type ActionState, fromAppError, fromZodError } from "@/lib/actions";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission, toActor } from "@/lib/auth/current";
import { addPause, endPause, recordDelay, recordDelivery, recordExtension, recordSupplemented, recordSupplementNotice, removePause } from "@/lib/clock/mutations";
import { delaySchema, deliverySchema, endPauseSchema, extensionSchema, pauseSchema, removePauseSchema, supplementedSchema, supplementNoticeSchema } from "@/lib/clock/schemas";

/** Every clock form: permission, validation, the one mutation, then back to the request page. */
async function run<S extends z.ZodType>(id: string, form: FormData, schema: S, mutate: (actor: Actor, data: z.infer<S>) => void, saved: string): Promise<ActionState> {
  const user = await requirePermission("requests.write");
  const input = schema.safeParse(Object.fromEntries(form));
  if (!input.success) return fromZodError(input.error, form);
  try {
    mutate(toActor(user), input.data);
  } catch (error) {
    return fromAppError(error, form);
  }
  revalidatePath(`/requests/${id}`);
  redirect(`/requests/${id}?saved=${saved}#clock`);
}

export async function addPauseAction(id: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return run(id, form, pauseSchema, (actor, data) => addPause(actor, id, data), "paused");
}

export async function endPauseAction(id: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return run(id, form, endPauseSchema, (actor, data) => endPause(actor, id, data), "pause_ended");
}

export async function removePauseAction(id: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return run(id, form, removePauseSchema, (actor, data) => removePause(actor, id, data), "pause_removed");
}

export async function extensionAction(id: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return run(id, form, extensionSchema, (actor, data) => recordExtension(actor, id, data), "extended");
}

export async function delayAction(id: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return run(id, form, delaySchema, (actor, data) => recordDelay(actor, id, data), "delayed");
}

export async function supplementNoticeAction(id: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return run(id, form, supplementNoticeSchema, (actor, data) => recordSupplementNotice(actor, id, data), "supplement_notice");
}

export async function supplementedAction(id: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return run(id, form, supplementedSchema, (actor, data) => recordSupplemented(actor, id, data), "supplemented");
}

export async function deliveryAction(id: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return run(id, form, deliverySchema, (actor, data) => recordDelivery(actor, id, data), "delivered");
}
