"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/ui/form";
import { OutcomePicker } from "./outcome-picker";
import { type ActionState, IDLE } from "@/lib/actions";
import type { Outcome } from "@/lib/requests/codes";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  version: number;
  current: { outcome: Outcome | null; concludedDate: string | null; replyNumber: string | null; feeYuan: string | null; feePaidDate: string | null; withheldUnderExemptions: boolean; partNotAvailable: boolean };
  today: string;
};

/** A conclusion recorded as a fact: the row (OutcomePicker), its date, the reply number and a fee. */
export function ConcludeForm({ action, version, current, today, title, allowed, dateLabel = "办结日期（答复出具之日）" }: Props & { title?: string; allowed?: readonly Outcome[]; dateLabel?: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label="办结">
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <OutcomePicker state={state} current={current} allowed={allowed} />
      <div className="grid grid-cols-2 gap-3">
        <TextField name="concludedDate" label={dateLabel} type="date" state={state} defaultValue={current.concludedDate ?? today} required />
        <TextField name="replyNumber" label="答复文号" state={state} defaultValue={current.replyNumber ?? ""} />
        <TextField name="feeYuan" label="信息处理费（元）" state={state} defaultValue={current.feeYuan ?? ""} inputMode="decimal" />
        <TextField name="feePaidDate" label="缴费日期" type="date" state={state} defaultValue={current.feePaidDate ?? ""} />
      </div>
      <SubmitButton pending={pending}>{title ?? (current.outcome ? "更正办理结果" : "办结")}</SubmitButton>
    </form>
  );
}

export function WithdrawForm({ action, version, today }: { action: Props["action"]; version: number; today: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label="申请人撤回">
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <TextField name="withdrawnDate" label="收到撤回之日" type="date" state={state} defaultValue={today} required />
      <TextField name="reason" label="说明" state={state} />
      <SubmitButton pending={pending} variant="secondary">
        登记撤回
      </SubmitButton>
    </form>
  );
}
