"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField, echoed } from "@/components/ui/form";
import { type ActionState, IDLE } from "@/lib/actions";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  settings: { shortName: string | null; dueSoonDays: number; dueUrgentDays: number; approvalLevels: 1 | 2; clerkMayAssign: boolean; version: number };
};

const LEVELS = [
  { value: "1", label: "一级（审核）", hint: "答复经一名审核负责人审核通过即可出具" },
  { value: "2", label: "二级（审核后签发）", hint: "答复审核通过后，还须由另一名审核负责人签发" },
] as const;

/** 机构设置: the short name for document numbers, the reminder thresholds, approval levels, who assigns. */
export function AgencySettingsForm({ action, settings }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const failed = state.status === "error";
  const levels = echoed(state, "approvalLevels", String(settings.approvalLevels));
  // An unchecked box is absent from the form: after a refused submit, its absence is the answer.
  const clerkMayAssign = failed ? state.values?.clerkMayAssign === "on" : settings.clerkMayAssign;
  const levelsError = failed ? state.fieldErrors?.approvalLevels?.[0] : undefined;
  return (
    <form action={formAction} className="max-w-xl space-y-4" noValidate aria-label="机构设置">
      <input type="hidden" name="version" value={settings.version} />
      <FormMessage state={state} />
      <TextField name="shortName" label="文号机关简称" state={state} defaultValue={settings.shortName ?? ""} maxLength={20} hint="答复书文号的前缀，如“某府信公”，生成“某府信公〔2026〕3号”；留空则文号不带机关简称" />
      <div className="grid grid-cols-2 gap-4">
        <TextField name="dueSoonDays" label="即将到期提醒（工作日）" type="number" min={1} max={20} inputMode="numeric" state={state} defaultValue={String(settings.dueSoonDays)} required hint="剩余工作日不超过此数的列为即将到期" />
        <TextField name="dueUrgentDays" label="紧急提醒（工作日）" type="number" min={1} max={20} inputMode="numeric" state={state} defaultValue={String(settings.dueUrgentDays)} required hint="应少于即将到期天数，不超过此数的标为紧急" />
      </div>
      <fieldset aria-describedby={levelsError ? "f-approvalLevels-error" : undefined}>
        <legend className="mb-1 text-sm font-medium text-slate-700">审批层级</legend>
        <p className="mb-1.5 text-xs text-slate-500">用于答复的审批；已提交的审批仍按提交时的层级办理。</p>
        <div className="space-y-1.5" key={failed ? `levels-${levels}` : "levels"}>
          {LEVELS.map((level) => (
            <label key={level.value} className="flex items-start gap-2 text-sm">
              <input type="radio" name="approvalLevels" value={level.value} defaultChecked={levels === level.value} className="mt-1" />
              <span>
                {level.label}
                <span className="block text-xs text-slate-500">{level.hint}</span>
              </span>
            </label>
          ))}
        </div>
        {levelsError ? (
          <p id="f-approvalLevels-error" className="mt-1 text-sm text-red-700">
            {levelsError}
          </p>
        ) : null}
      </fieldset>
      <label className="flex items-start gap-2 text-sm" key={failed ? `assign-${clerkMayAssign}` : "assign"}>
        <input type="checkbox" name="clerkMayAssign" defaultChecked={clerkMayAssign} className="mt-1" />
        <span>
          允许登记人分办
          <span className="block text-xs text-slate-500">经办人可将本人登记的申请分办给承办人；不勾选时只有审核负责人可以分办</span>
        </span>
      </label>
      <SubmitButton pending={pending}>保存</SubmitButton>
    </form>
  );
}
