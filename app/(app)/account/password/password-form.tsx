"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/ui/form";
import { IDLE } from "@/lib/actions";
import { changePasswordAction } from "./actions";

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, IDLE);
  return (
    <form action={action} className="max-w-sm space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField name="current" label="当前密码" type="password" state={state} autoComplete="current-password" autoFocus required />
      <TextField name="next" label="新密码" type="password" state={state} autoComplete="new-password" hint="至少 10 位，须同时包含字母和数字" required />
      <TextField name="confirm" label="再次输入新密码" type="password" state={state} autoComplete="new-password" required />
      <SubmitButton pending={pending}>保存新密码</SubmitButton>
    </form>
  );
}
