"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { type ActionState, IDLE } from "@/lib/actions";
import type { Narrative } from "@/lib/reports/narrative";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

const SECTIONS: [keyof Narrative, string][] = [
  ["overview", "一、总体情况"],
  ["problems", "五、存在的主要问题及改进情况"],
  ["other", "六、其他需要报告的事项"],
];

export function NarrativeForm({ action, narrative, placeholders }: { action: Action; narrative: Narrative; placeholders: string[] }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3" aria-label="报告正文">
      <FormMessage state={state} />
      <p className="text-xs text-slate-600">
        数字请用占位符，由系统按表格填入，保证正文与表格一致：{placeholders.map((p) => `{{${p}}}`).join("　")}
      </p>
      {SECTIONS.map(([name, label]) => (
        <div key={name} className="space-y-1">
          <label htmlFor={`f-${name}`} className="block text-sm font-medium">
            {label}
          </label>
          <textarea id={`f-${name}`} name={name} rows={name === "overview" ? 7 : 3} defaultValue={narrative[name]} className="block w-full rounded border border-slate-300 bg-white px-3 py-1.5 text-sm" />
        </div>
      ))}
      <SubmitButton pending={pending} variant="secondary">
        保存正文
      </SubmitButton>
    </form>
  );
}

export function FinalizeForm({ action, blocked }: { action: Action; blocked: boolean }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const error = state.status === "error" ? state.fieldErrors?.overrideReason?.[0] : undefined;
  return (
    <form action={formAction} className="space-y-2" aria-label="定稿">
      <FormMessage state={state} />
      {blocked ? (
        <div className="space-y-1">
          <label htmlFor="f-overrideReason" className="block text-sm font-medium text-red-800">
            勾稽检查有错误。确需定稿的，请写明理由
          </label>
          <textarea id="f-overrideReason" name="overrideReason" rows={2} aria-invalid={error ? true : undefined} className="block w-full rounded border border-slate-300 bg-white px-3 py-1.5 text-sm" />
        </div>
      ) : null}
      <SubmitButton pending={pending}>定稿</SubmitButton>
    </form>
  );
}
