"use server";

import { redirect } from "next/navigation";
import { type ActionState, formAction, fromAppError, fromZodError } from "@/lib/actions";
import { requireUser, toActor } from "@/lib/auth/current";
import { changeOwnPassword } from "@/lib/users/mutations";
import { changePasswordSchema } from "@/lib/users/schemas";

export const changePasswordAction = formAction(async (_prev: ActionState, form: FormData): Promise<ActionState> => {
  const user = await requireUser({ allowMustChange: true });
  const input = changePasswordSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return fromZodError(input.error, form);
  try {
    await changeOwnPassword({ ...toActor(user), id: user.id }, input.data.current, input.data.next, user.sessionId);
  } catch (error) {
    return fromAppError(error, form);
  }
  redirect("/?password=changed");
});
