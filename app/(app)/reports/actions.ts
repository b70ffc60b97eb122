"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, boundArgument, formAction, fromAppError, fromZodError } from "@/lib/actions";
import { requirePermission, toActor } from "@/lib/auth/current";
import { finalizeReport, saveNarrative } from "@/lib/reports/annual";
import { setBaseline, setProactive } from "@/lib/reports/mutations";
import { proactiveSchema } from "@/lib/reports/proactive";
import { includeChildrenSchema, narrativeSchema } from "@/lib/reports/schemas";
import { yearSchema } from "@/lib/validation";

/** Section 二 figures from the form: field names are `block.column`, e.g. `rules.issued`. */
export const saveProactiveAction = formAction(async (year: number, _prev: ActionState, form: FormData): Promise<ActionState> => {
  const user = await requirePermission("reports.edit");
  boundArgument(yearSchema, year);
  const nested: Record<string, Record<string, string>> = {};
  for (const [key, value] of form.entries()) {
    const [block, column] = key.split(".");
    if (!column || typeof value !== "string") continue;
    (nested[block] ??= {})[column] = value.trim() === "" ? "0" : value.trim();
  }
  const input = proactiveSchema.safeParse(nested);
  if (!input.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of input.error.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
    return { status: "error", message: "请修改标红的项目后再提交", fieldErrors, values: Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string> };
  }
  try {
    setProactive(toActor(user), user.agencyCode, year, input.data);
  } catch (error) {
    return fromAppError(error, form);
  }
  revalidatePath(`/reports/${year}`);
  return { status: "success", message: "已保存第二部分数据" };
});

/** The report JSON published for a year before the records begin (only `applications.rows` is used). */
export const saveBaselineAction = formAction(async (year: number, _prev: ActionState, form: FormData): Promise<ActionState> => {
  const user = await requirePermission("reports.edit");
  boundArgument(yearSchema, year);
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(form.get("json") ?? ""));
  } catch {
    return { status: "error", message: "内容不是有效的 JSON", fieldErrors: { json: ["内容不是有效的 JSON"] }, values: { json: String(form.get("json") ?? "") } };
  }
  try {
    setBaseline(toActor(user), user.agencyCode, year, parsed);
  } catch (error) {
    return fromAppError(error, form);
  }
  revalidatePath(`/reports/${year + 1}`);
  return { status: "success", message: `已保存 ${year} 年已公布报告的表格，${year + 1} 年的“上年结转”将与其核对` };
});

export const saveNarrativeAction = formAction(async (year: number, _prev: ActionState, form: FormData): Promise<ActionState> => {
  const user = await requirePermission("reports.edit");
  boundArgument(yearSchema, year);
  const input = narrativeSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return fromZodError(input.error, form);
  try {
    saveNarrative(toActor(user), user.agencyCode, year, input.data);
  } catch (error) {
    return fromAppError(error, form);
  }
  revalidatePath(`/reports/${year}`);
  return { status: "success", message: "已保存报告正文" };
});

export const finalizeAction = formAction(async (year: number, includeChildren: boolean, _prev: ActionState, form: FormData): Promise<ActionState> => {
  const user = await requirePermission("reports.finalize");
  boundArgument(yearSchema, year);
  boundArgument(includeChildrenSchema, includeChildren);
  try {
    finalizeReport(toActor(user), { agencyCode: user.agencyCode, year, includeChildren, overrideReason: String(form.get("overrideReason") ?? "") });
  } catch (error) {
    return fromAppError(error, form);
  }
  revalidatePath(`/reports/${year}`);
  return { status: "success", message: `${year} 年报告已定稿` };
});
