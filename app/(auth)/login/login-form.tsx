"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/ui/form";
import { IDLE } from "@/lib/actions";
import { loginAction } from "./actions";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(loginAction, IDLE);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage state={state} />
      <TextField name="username" label="用户名" state={state} autoComplete="username" autoFocus required />
      <TextField name="password" label="密码" type="password" state={state} autoComplete="current-password" required />
      <div className="pt-2">
        <SubmitButton pending={pending}>登录</SubmitButton>
      </div>
    </form>
  );
}
