"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, echoValues, fromAppError } from "@/lib/actions";
import { requirePermission, toActor } from "@/lib/auth/current";
import { saveCalendarYear } from "@/lib/calendar/mutations";
import { NOTICE_HOLIDAYS, type NoticeForm, noticeDays } from "@/lib/calendar/notice";

export async function saveCalendarAction(year: number, _prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requirePermission("admin.calendar");
  const text = (name: string) => String(form.get(name) ?? "");
  const notice = Object.fromEntries(NOTICE_HOLIDAYS.map(([key]) => [key, { from: text(`${key}From`), to: text(`${key}To`), makeup: text(`${key}Makeup`) }])) as NoticeForm;
  const parsed = noticeDays(year, notice);
  const source = text("source").trim();
  const fieldErrors: Record<string, string[]> = "errors" in parsed ? Object.fromEntries(Object.entries(parsed.errors).map(([k, v]) => [k, [v]])) : {};
  if (!source) fieldErrors.source = ["请填写通知名称（文号或标题）"];
  if (source.length > 300) fieldErrors.source = ["通知名称不超过 300 个字"];
  if (Object.keys(fieldErrors).length || "errors" in parsed) {
    const first = Object.values(fieldErrors)[0]?.[0];
    return { status: "error", message: first ? `未保存：${first}` : "请修改标红的项目后再提交", fieldErrors, values: echoValues(form) };
  }
  try {
    const { moved } = saveCalendarYear(toActor(user), { year, source, days: parsed.days });
    revalidatePath("/admin/calendar");
    return { status: "success", message: `已保存 ${year} 年放假安排。${moved.length ? `${moved.length} 件未办结申请的答复期限随之变动，见下方列表。` : "没有未办结申请的答复期限因此变动。"}` };
  } catch (error) {
    return fromAppError(error, form);
  }
}
