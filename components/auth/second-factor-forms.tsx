"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/ui/form";
import { type ActionState, IDLE } from "@/lib/actions";

type Action<T = undefined> = (state: ActionState<T>, form: FormData) => Promise<ActionState<T>>;

/** The code after the password. */
export function VerifyForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="输入验证码">
      <FormMessage state={state} />
      <TextField name="code" label="验证码或恢复码" state={state} autoComplete="one-time-code" inputMode="text" autoFocus required />
      <SubmitButton pending={pending}>验证</SubmitButton>
    </form>
  );
}

/**
 * Setting up the authenticator: the QR code (and the secret to type in by hand), a code to
 * confirm; then the ten recovery codes, shown this once.
 */
export function EnrollForm({ action, enrollment, next }: { action: Action<string[]>; enrollment: { secret: string; qrSvg: string }; next: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  if (state.status === "success" && state.data) {
    return (
      <div className="space-y-4" data-testid="recovery-codes">
        <p className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">{state.message}。</p>
        <p className="text-sm text-slate-700">请抄下或打印以下恢复码并妥善保管。手机丢失时，每个恢复码可代替验证码登录一次；此页关闭后不再显示。</p>
        <ol className="grid grid-cols-2 gap-x-6 gap-y-1 rounded border border-slate-200 bg-slate-50 p-3 font-mono text-sm">
          {state.data.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ol>
        <Link href={next} className="inline-block rounded bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700">
          我已保存，继续
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="设置双因素登录">
      <FormMessage state={state} />
      {/* The SVG is made on the server from the otpauth:// URI; no script, no network. */}
      <div className="mx-auto w-48" aria-label="二维码" role="img" dangerouslySetInnerHTML={{ __html: enrollment.qrSvg }} />
      <p className="text-xs text-slate-600">
        无法扫描时，在应用中手动输入密钥：<code className="break-all font-mono text-slate-900" data-testid="totp-secret">{enrollment.secret}</code>
      </p>
      <TextField name="code" label="应用显示的 6 位验证码" state={state} autoComplete="one-time-code" inputMode="numeric" required />
      <SubmitButton pending={pending}>启用</SubmitButton>
    </form>
  );
}
