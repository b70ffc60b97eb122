"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, formAction, fromAppError, fromZodError } from "@/lib/actions";
import { createAgency, renameAgency } from "@/lib/agencies/mutations";
import { agencySchema, renameAgencySchema } from "@/lib/agencies/schemas";
import { requirePermission, toActor } from "@/lib/auth/current";

export const createAgencyAction = formAction(async (_prev: ActionState, form: FormData): Promise<ActionState> => {
  const user = await requirePermission("admin.agencies");
  const input = agencySchema.safeParse(Object.fromEntries(form));
  if (!input.success) return fromZodError(input.error, form);
  try {
    const { created } = createAgency(toActor(user), input.data);
    revalidatePath("/admin/agencies");
    return { status: "success", message: created ? `已添加机构 ${input.data.name}` : `机构代码 ${input.data.code} 已存在，已更新名称和上级机构` };
  } catch (error) {
    return fromAppError(error, form);
  }
});

export const renameAgencyAction = formAction(async (_prev: ActionState, form: FormData): Promise<ActionState> => {
  const user = await requirePermission("admin.agencies");
  const input = renameAgencySchema.safeParse(Object.fromEntries(form));
  if (!input.success) return fromZodError(input.error, form);
  try {
    renameAgency(toActor(user), input.data.id, input.data.name);
    revalidatePath("/admin/agencies");
    return { status: "success", message: "已保存" };
  } catch (error) {
    return fromAppError(error, form);
  }
});
