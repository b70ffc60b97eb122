"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionState, boundArgument, formAction, fromAppError, fromZodError } from "@/lib/actions";
import { agencySettingsSchema } from "@/lib/agencies/schemas";
import { updateAgencySettings } from "@/lib/agencies/settings";
import { requirePermission, toActor } from "@/lib/auth/current";

/** The agency id the page bound (a UUID); whether the actor may set that agency is lib/agencies/settings.ts's check. */
const agencyIdSchema = z.string({ message: "机构不存在" }).regex(/^[0-9A-Za-z_-]{1,64}$/, "机构不存在");

function save(user: { role: Parameters<typeof toActor>[0]["role"] } & Parameters<typeof toActor>[0], agencyId: string, form: FormData): ActionState {
  const input = agencySettingsSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return fromZodError(input.error, form);
  try {
    updateAgencySettings(toActor(user), agencyId, input.data);
  } catch (error) {
    return fromAppError(error, form);
  }
  revalidatePath("/settings/agency");
  return { status: "success", message: "已保存机构设置" };
}

/** 机构设置 (domain.md A8) of the supervisor's own agency. */
export const saveAgencySettingsAction = formAction(async (_prev: ActionState, form: FormData): Promise<ActionState> => {
  const user = await requirePermission("agency.settings");
  if (!user.agencyId) return { status: "error", message: "账号未关联机构" };
  return save(user, user.agencyId, form);
});

/** 机构设置 of any agency, by an admin (who manages the agencies); the agency's id is bound by the page. */
export const saveAnyAgencySettingsAction = formAction(async (agencyId: string, _prev: ActionState, form: FormData): Promise<ActionState> => {
  const user = await requirePermission("admin.agencies");
  boundArgument(agencyIdSchema, agencyId);
  return save(user, agencyId, form);
});
