"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { type ActionState, IDLE } from "@/lib/actions";
import { type Narrative, NARRATIVE_SECTIONS } from "@/lib/reports/narrative";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export function NarrativeForm({ action, narrative, placeholders }: { action: Action; narrative: Narrative; placeholders: readonly string[] }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3" aria-label="报告正文">
      <FormMessage state={state} />
      <p className="text-xs text-slate-600">
        数字请用占位符，由系统按表格填入，保证正文与表格一致：{placeholders.map((p) => `{{${p}}}`).join("　")}
      </p>
      {NARRATIVE_SECTIONS.map(([name, label]) => {
        const error = state.status === "error" ? state.fieldErrors?.[name]?.[0] : undefined;
        // React 19 resets the form after an action: a refused text comes back as it was typed.
        const value = state.status === "error" ? (state.values?.[name] ?? narrative[name]) : narrative[name];
        return (
          <div key={name} className="space-y-1">
            <label htmlFor={`f-${name}`} className="block text-sm font-medium">
              {label}
            </label>
            <textarea
              key={state.status === "error" ? `${name}-${value}` : name}
              id={`f-${name}`}
              name={name}
              rows={name === "overview" ? 7 : 3}
              defaultValue={value}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `f-${name}-error` : undefined}
              className="block w-full rounded border border-slate-300 bg-white px-3 py-1.5 text-sm"
            />
            {error ? (
              <p id={`f-${name}-error`} className="text-sm text-red-700">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
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
