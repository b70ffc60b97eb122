"use client";

import { useActionState } from "react";
import { FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { IDLE } from "@/lib/actions";
import { createAgencyAction, renameAgencyAction } from "./actions";

export function CreateAgencyForm({ parents }: { parents: { code: string; label: string }[] }) {
  const [state, action, pending] = useActionState(createAgencyAction, IDLE);
  return (
    <form action={action} className="space-y-3" noValidate aria-label="添加机构">
      <FormMessage state={state} />
      <TextField name="code" label="机构代码" state={state} hint="字母、数字、下划线，如 county-gov" required />
      <TextField name="name" label="机构名称" state={state} required />
      <SelectField
        name="parentCode"
        label="上级机构"
        state={state}
        options={[{ value: "", label: "（无，作为顶级机构）" }, ...parents.map((p) => ({ value: p.code, label: p.label }))]}
      />
      <SubmitButton pending={pending}>添加机构</SubmitButton>
    </form>
  );
}

export function RenameAgencyForm({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState(renameAgencyAction, IDLE);
  const error = state.status === "error" ? state.message : null;
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <label className="sr-only" htmlFor={`rename-${id}`}>
        机构名称
      </label>
      <input id={`rename-${id}`} name="name" defaultValue={name} className="w-64 rounded border border-slate-300 px-2 py-1 text-sm" />
      <button type="submit" disabled={pending} className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100">
        改名
      </button>
      {error ? <span className="text-xs text-red-700">{error}</span> : null}
      {state.status === "success" ? <span className="text-xs text-green-700">{state.message}</span> : null}
    </form>
  );
}
