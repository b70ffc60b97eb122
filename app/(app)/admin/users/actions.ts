"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, formAction, fromAppError, fromZodError } from "@/lib/actions";
import { requirePermission, toActor } from "@/lib/auth/current";
import { generatePassword } from "@/lib/auth/password";
import { changeUserRole, createUser, resetUserPassword, resetUserSecondFactor, setUserDisabled, unlockUser } from "@/lib/users/mutations";
import { saveSetting } from "@/lib/settings/mutations";
import { changeRoleSchema, createUserSchema } from "@/lib/users/schemas";

/** A new user gets a generated one-time password, shown once to the admin and changed at first login. */
export const createUserAction = formAction(async (_prev: ActionState, form: FormData): Promise<ActionState> => {
  const user = await requirePermission("admin.users");
  const password = generatePassword();
  const input = createUserSchema.safeParse({ ...Object.fromEntries(form), password, mustChange: true });
  if (!input.success) return fromZodError(input.error, form);
  try {
    await createUser(toActor(user), input.data);
  } catch (error) {
    return fromAppError(error, form);
  }
  revalidatePath("/admin/users");
  return { status: "success", message: `已创建用户 ${input.data.username}，初始密码：${password}（只显示这一次，请当面交给本人；首次登录须修改）` };
});

export const userRowAction = formAction(async (_prev: ActionState, form: FormData): Promise<ActionState> => {
  const user = await requirePermission("admin.users");
  const actor = toActor(user);
  const id = String(form.get("id") ?? "");
  const intent = String(form.get("intent") ?? "");
  try {
    let message: string;
    if (intent === "disable" || intent === "enable") {
      setUserDisabled(actor, id, intent === "disable");
      message = intent === "disable" ? "已停用，该用户已被登出" : "已启用";
    } else if (intent === "reset") {
      const password = generatePassword();
      await resetUserPassword(actor, id, password);
      message = `密码已重置为：${password}（只显示这一次；下次登录须修改）`;
    } else if (intent === "reset2fa") {
      resetUserSecondFactor(actor, id);
      message = "已重置双因素登录：该用户已被登出，下次登录时重新设置";
    } else if (intent === "unlock") {
      unlockUser(actor, id);
      message = "已解锁，该用户可以重新登录";
    } else if (intent === "role") {
      const input = changeRoleSchema.safeParse({ role: form.get("role") });
      if (!input.success) return fromZodError(input.error, form);
      changeUserRole(actor, id, input.data.role);
      message = "角色已修改，该用户须重新登录";
    } else {
      return { status: "error", message: "未知操作" };
    }
    revalidatePath("/admin/users");
    return { status: "success", message };
  } catch (error) {
    return fromAppError(error, form);
  }
});

/** The password period (定期更换): days after which a password must be changed at the next login; 0 turns it off. */
export const savePasswordPolicyAction = formAction(async (_prev: ActionState, form: FormData): Promise<ActionState> => {
  const user = await requirePermission("admin.users");
  const raw = String(form.get("passwordMaxAgeDays") ?? "").trim();
  try {
    saveSetting(toActor(user), "passwordMaxAgeDays", /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN);
  } catch (error) {
    return fromAppError(error, form);
  }
  revalidatePath("/admin/users");
  return { status: "success", message: raw === "0" ? "已保存：密码不再定期过期" : `已保存：密码 ${raw} 天后须在下次登录时修改` };
});
