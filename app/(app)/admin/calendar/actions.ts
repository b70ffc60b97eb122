"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, boundArgument, echoValues, formAction, fromAppError } from "@/lib/actions";
import { requirePermission, toActor } from "@/lib/auth/current";
import { saveCalendarYear } from "@/lib/calendar/mutations";
import { noticeDays, noticeFormFrom } from "@/lib/calendar/notice";
import { yearSchema } from "@/lib/validation";

export const saveCalendarAction = formAction(async (year: number, _prev: ActionState, form: FormData): Promise<ActionState> => {
  const user = await requirePermission("admin.calendar");
  boundArgument(yearSchema, year);
  const parsed = noticeDays(year, noticeFormFrom((name) => String(form.get(name) ?? "")));
  if ("errors" in parsed) {
    const fieldErrors = Object.fromEntries(Object.entries(parsed.errors).map(([k, v]) => [k, [v]]));
    return { status: "error", message: `未保存：${Object.values(parsed.errors)[0]}`, fieldErrors, values: echoValues(form) };
  }
  try {
    const { moved } = saveCalendarYear(toActor(user), { year, source: String(form.get("source") ?? ""), days: parsed.days });
    revalidatePath("/admin/calendar");
    return { status: "success", message: `已保存 ${year} 年放假安排。${moved.length ? `${moved.length} 件未办结申请的答复期限随之变动，见下方列表。` : "没有未办结申请的答复期限因此变动。"}` };
  } catch (error) {
    return fromAppError(error, form);
  }
});
