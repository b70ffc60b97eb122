import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { type ActionState, boundArgument, fromAppError, fromZodError } from "@/lib/actions";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission, toActor } from "@/lib/auth/current";
import type { Permission } from "@/lib/auth/permissions";
import { requestIdSchema } from "@/lib/requests/schemas";
import { todayInChina } from "@/lib/time";

/**
 * The body of every form action that changes one request (the clock's and the work's): the
 * permission, the request id, the form's schema, the one lib mutation (given today in Beijing),
 * then back to the request's page with what happened (`then`: `?saved=…`, with an anchor if any).
 */
export async function changeFromForm<S extends z.ZodType>(
  id: string,
  form: FormData,
  permission: Permission,
  schema: S,
  mutate: (actor: Actor, data: z.infer<S>, today: string) => void,
  then: string,
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
  redirect(`/requests/${id}${then}`);
}
