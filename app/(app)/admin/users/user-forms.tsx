"use client";

import { useActionState } from "react";
import { FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { IDLE } from "@/lib/actions";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import { createUserAction, savePasswordPolicyAction, userRowAction } from "./actions";

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function CreateUserForm({ agencies }: { agencies: { code: string; label: string }[] }) {
  const [state, action, pending] = useActionState(createUserAction, IDLE);
  return (
    <form action={action} className="space-y-3" noValidate aria-label="添加用户">
      <FormMessage state={state} />
      <TextField name="username" label="用户名" state={state} required autoComplete="off" />
      <TextField name="displayName" label="姓名" state={state} />
      <SelectField name="role" label="角色" state={state} options={roleOptions} defaultValue="clerk" />
      <SelectField name="agencyCode" label="所属机构" state={state} options={agencies.map((a) => ({ value: a.code, label: a.label }))} />
      <SubmitButton pending={pending}>添加用户</SubmitButton>
    </form>
  );
}

export function UserRowActions({ id, username, role, disabled, locked, secondFactor, self }: { id: string; username: string; role: Role; disabled: boolean; locked: boolean; secondFactor: boolean; self: boolean }) {
  const [state, action, pending] = useActionState(userRowAction, IDLE);
  const button = "rounded border px-2 py-0.5 text-xs disabled:opacity-50";
  return (
    <div className="space-y-1">
      <form action={action} className="flex flex-wrap items-center gap-1.5">
        <input type="hidden" name="id" value={id} />
        <label className="sr-only" htmlFor={`role-${id}`}>
          {username} 的角色
        </label>
        <select id={`role-${id}`} name="role" defaultValue={role} disabled={self} className="rounded border border-slate-300 px-1 py-0.5 text-xs">
          {roleOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <button type="submit" name="intent" value="role" disabled={pending || self} className={`${button} border-slate-300`}>
          改角色
        </button>
        {locked ? (
          <button type="submit" name="intent" value="unlock" disabled={pending} className={`${button} border-amber-400 text-amber-800`}>
            解锁
          </button>
        ) : null}
        {secondFactor ? (
          <button type="submit" name="intent" value="reset2fa" disabled={pending || self} className={`${button} border-slate-300`}>
            重置双因素
          </button>
        ) : null}
        <button type="submit" name="intent" value="reset" disabled={pending} className={`${button} border-slate-300`}>
          重置密码
        </button>
        <button
          type="submit"
          name="intent"
          value={disabled ? "enable" : "disable"}
          disabled={pending || self}
          className={`${button} ${disabled ? "border-green-400 text-green-800" : "border-red-300 text-red-700"}`}
        >
          {disabled ? "启用" : "停用"}
        </button>
      </form>
      {state.status !== "idle" ? <FormMessage state={state} /> : null}
    </div>
  );
}

export function PasswordPolicyForm({ days }: { days: number }) {
  const [state, action, pending] = useActionState(savePasswordPolicyAction, IDLE);
  return (
    <form action={action} className="space-y-3" noValidate aria-label="密码有效期">
      <FormMessage state={state} />
      <TextField name="passwordMaxAgeDays" label="密码有效期（天）" type="number" min={0} max={3650} state={state} defaultValue={String(days)} hint="超过此天数未修改的密码，须在下次登录时修改；0 表示不过期" />
      <SubmitButton pending={pending} variant="secondary">
        保存
      </SubmitButton>
    </form>
  );
}
