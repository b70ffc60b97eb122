"use client";

import { useActionState, useState } from "react";
import { FormMessage, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/ui/form";
import { type ActionState, IDLE } from "@/lib/actions";
import type { Outcome } from "@/lib/requests/codes";
import { OutcomePicker } from "./outcome-picker";

/** The forms of the work on a request (domain.md A8): each posts to its Server Action in app/. */

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export function AssignForm({ action, version, handlers, current }: { action: Action; version: number; handlers: { id: string; name: string }[]; current: string | null }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label="分办">
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <SelectField
        name="handlerUserId"
        id="f-assign-handler"
        label="承办人"
        state={state}
        defaultValue=""
        options={[{ value: "", label: "（请选择）" }, ...handlers.filter((h) => h.id !== current).map((h) => ({ value: h.id, label: h.name }))]}
      />
      <SubmitButton pending={pending}>{current ? "改派" : "分办"}</SubmitButton>
    </form>
  );
}

export function AcceptForm({ accept, giveBack, version }: { accept: Action; giveBack: Action; version: number }) {
  const [acceptState, acceptAction, accepting] = useActionState(accept, IDLE);
  const [returnState, returnAction, returning] = useActionState(giveBack, IDLE);
  return (
    <div className="space-y-3">
      <form action={acceptAction} aria-label="签收" className="space-y-2">
        <input type="hidden" name="version" value={version} />
        <FormMessage state={acceptState} />
        <SubmitButton pending={accepting}>签收</SubmitButton>
      </form>
      <form action={returnAction} aria-label="退回分办" className="space-y-2 border-t border-slate-100 pt-3" noValidate>
        <input type="hidden" name="version" value={version} />
        <FormMessage state={returnState} />
        <TextField name="reason" id="f-return-reason" label="退回理由" state={returnState} required />
        <SubmitButton pending={returning} variant="secondary">
          退回
        </SubmitButton>
      </form>
    </div>
  );
}

/** 拟办: the row, its legal basis (proposed from the row, editable) and the reply's text. */
export function DraftForm({ action, version, legalBasis, previous }: { action: Action; version: number; legalBasis: Record<Outcome, string>; previous?: { outcome: Outcome; legalBasis: string; replyText: string; withheldUnderExemptions: boolean; partNotAvailable: boolean } }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [basis, setBasis] = useState(previous?.legalBasis ?? "");
  const [basisKey, setBasisKey] = useState(0);
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label="拟办">
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <OutcomePicker
        idPrefix="draft"
        state={state}
        current={{ outcome: previous?.outcome ?? null, withheldUnderExemptions: previous?.withheldUnderExemptions ?? false, partNotAvailable: previous?.partNotAvailable ?? false }}
        onChange={(o) => {
          if (!o) return;
          setBasis(legalBasis[o]);
          setBasisKey((k) => k + 1);
        }}
      />
      <TextAreaField key={basisKey} name="legalBasis" label="法律依据" rows={2} state={state} defaultValue={basis} hint="按所选办理结果自动提出，可修改" required />
      <TextAreaField name="replyText" label="答复意见" rows={5} state={state} defaultValue={previous?.replyText ?? ""} required />
      <TextField name="replyNumber" id="f-draft-reply-number" label="答复文号（可留空）" state={state} />
      <SubmitButton pending={pending}>提交审核</SubmitButton>
    </form>
  );
}

export function ExtensionRequestForm({ action, version }: { action: Action; version: number }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label="申请延期">
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <TextField name="extensionDays" id="f-ext-days" label="延长工作日数（不超过 20）" type="number" min={1} max={20} state={state} defaultValue="20" required />
      <TextAreaField name="reason" id="f-ext-reason" label="延期理由" rows={2} state={state} required />
      <SubmitButton pending={pending} variant="secondary">
        提交延期申请
      </SubmitButton>
    </form>
  );
}

export function DelayRequestForm({ action, version }: { action: Action; version: number }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label="申请延迟答复">
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <TextField name="delayedReplyDate" id="f-delay-date" label="延迟至（答复期限）" type="date" state={state} required />
      <TextAreaField name="reason" id="f-delay-reason" label="理由（条例第三十五条）" rows={2} state={state} required />
      <SubmitButton pending={pending} variant="secondary">
        提交延迟答复申请
      </SubmitButton>
    </form>
  );
}

export function VoidRequestForm({ action, version }: { action: Action; version: number }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form
      action={formAction}
      className="space-y-3"
      noValidate
      aria-label="申请作废"
      onSubmit={(e) => {
        if (!window.confirm("作废后此申请不再计入任何统计。确定提交作废申请吗？")) e.preventDefault();
      }}
    >
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <TextAreaField name="reason" id="f-void-reason" label="作废理由" rows={2} state={state} hint="如：重复登记同一封来信、测试数据、并非信息公开申请" required />
      <SubmitButton pending={pending} variant="danger">
        申请作废
      </SubmitButton>
    </form>
  );
}

/** 审核 / 签发: approve, or return with a reason. */
export function DecisionForm({ action, approvalVersion, level }: { action: Action; approvalVersion: number; level: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label="审批意见">
      <input type="hidden" name="approvalVersion" value={approvalVersion} />
      <FormMessage state={state} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{level}意见</legend>
        <div className="flex gap-4 text-sm">
          <label className="flex items-center gap-1">
            <input type="radio" name="decision" value="approve" defaultChecked />
            同意
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="decision" value="return" />
            退回修改
          </label>
        </div>
      </fieldset>
      <TextAreaField name="comment" id="f-decision-comment" label="意见（退回时必填）" rows={2} state={state} />
      <SubmitButton pending={pending}>提交{level}意见</SubmitButton>
    </form>
  );
}
