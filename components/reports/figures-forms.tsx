"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/ui/form";
import { type ActionState, IDLE } from "@/lib/actions";
import { PROACTIVE_BLOCKS, TITLES } from "@/lib/reports/layout";
import type { Proactive } from "@/lib/reports/proactive";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export function ProactiveForm({ action, current }: { action: Action; current: Proactive }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const values = current as unknown as Record<string, Record<string, string | number>>;
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label={TITLES.proactive}>
      <FormMessage state={state} />
      {PROACTIVE_BLOCKS.map((block) => (
        <fieldset key={block.heading} className="rounded border border-slate-200 bg-white p-3">
          <legend className="px-1 text-sm font-semibold">{block.heading}</legend>
          {block.rows.map((row) => (
            <div key={row.code} className="grid grid-cols-4 items-end gap-3 py-1">
              <span className="pb-2 text-sm">{row.label}</span>
              {block.columns.map((c) => (
                <TextField
                  key={c.code}
                  name={`${row.code}.${c.code}`}
                  label={c.label}
                  state={state}
                  defaultValue={String(values[row.code][c.code])}
                  inputMode={c.code === "amount_10k_yuan" ? "decimal" : "numeric"}
                />
              ))}
            </div>
          ))}
        </fieldset>
      ))}
      <SubmitButton pending={pending}>保存</SubmitButton>
    </form>
  );
}

export function BaselineForm({ action, year }: { action: Action; year: number }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const error = state.status === "error" ? (state.fieldErrors?.json?.[0] ?? state.message) : undefined;
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label="上年已公布报告">
      {state.status === "success" ? <FormMessage state={state} /> : null}
      <label htmlFor="f-json" className="block text-sm text-slate-700">
        {year} 年已公布报告的表格（与报告 JSON 相同的结构，至少含 applications.rows）。仅在系统记录从 {year + 1} 年开始时需要。
      </label>
      <textarea
        id="f-json"
        name="json"
        rows={6}
        defaultValue={state.status === "error" ? state.values?.json : ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "f-json-error" : undefined}
        className="block w-full rounded border border-slate-300 bg-white px-3 py-1.5 font-mono text-xs aria-[invalid=true]:border-red-600"
        placeholder='{"applications": {"rows": {"carried_out": [0, 0, 0, 0, 0, 0, 0], "...": []}}}'
      />
      {error ? (
        <p id="f-json-error" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <SubmitButton pending={pending} variant="secondary">
        保存 {year} 年基线
      </SubmitButton>
    </form>
  );
}
