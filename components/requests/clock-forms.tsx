"use client";

import { useActionState } from "react";
import { FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { type ActionState, IDLE } from "@/lib/actions";
import { PAUSE_KIND_LABELS, PAUSE_KINDS, REPLY_DELIVERIES, REPLY_DELIVERY_DAY, REPLY_DELIVERY_LABELS } from "@/lib/calendar/codes";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
type Props = { action: Action; version: number; today: string };

/** The small forms of the clock panel (domain.md A4); each records one fact and recomputes the due date. */
function ClockForm({ action, version, label, submit, children }: { action: Action; version: number; label: string; submit: string; children: (state: ActionState) => React.ReactNode }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label={label}>
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      {children(state)}
      <SubmitButton pending={pending} variant="secondary">
        {submit}
      </SubmitButton>
    </form>
  );
}

export function PauseForm({ action, version, today }: Props) {
  return (
    <ClockForm action={action} version={version} label="登记中止计算" submit="登记中止">
      {(state) => (
        <div className="grid grid-cols-2 gap-3">
          <SelectField
            name="pauseKind"
            label="中止事由"
            state={state}
            options={[{ value: "", label: "请选择" }, ...PAUSE_KINDS.map((k) => ({ value: k, label: PAUSE_KIND_LABELS[k] }))]}
            required
          />
          <TextField name="pauseNote" label="说明（第三方、机关名称或缴费通知文号）" state={state} />
          <TextField name="pauseFrom" label="开始日期（征求意见书或缴费通知发出之日）" type="date" state={state} defaultValue={today} required />
          <TextField name="pauseTo" label="结束日期（收到意见或缴费之日）" type="date" state={state} hint="尚未结束的留空，结束时再登记" />
          <TextField
            name="letterReceivedDate"
            label="第三方收到征求意见函之日"
            type="date"
            state={state}
            hint="仅征求第三方意见时填写：第三方自收到之日起 15 个工作日内提出意见（条例第三十二条）"
          />
        </div>
      )}
    </ClockForm>
  );
}

export function EndPauseForm({ action, version, today, pauseId }: Props & { pauseId: string }) {
  return (
    <ClockForm action={action} version={version} label="登记中止结束" submit="登记结束">
      {(state) => (
        <>
          <input type="hidden" name="pauseId" value={pauseId} />
          <TextField id={`f-pauseEnd-${pauseId}`} name="pauseEnd" label="结束日期" type="date" state={state} defaultValue={today} required />
        </>
      )}
    </ClockForm>
  );
}

export function RemovePauseForm({ action, version, pauseId }: Omit<Props, "today"> & { pauseId: string }) {
  return (
    <ClockForm action={action} version={version} label="撤销中止记录" submit="撤销此记录">
      {(state) => (
        <>
          <input type="hidden" name="pauseId" value={pauseId} />
          <TextField id={`f-removeReason-${pauseId}`} name="removeReason" label="撤销理由" state={state} required />
        </>
      )}
    </ClockForm>
  );
}

export function SupplementNoticeForm({ action, version, today, due }: Props & { due: string }) {
  return (
    <ClockForm action={action} version={version} label="登记告知补正" submit="登记告知补正">
      {(state) => (
        <div className="grid grid-cols-2 gap-3">
          <TextField name="supplementNoticeDate" label="告知补正日期" type="date" state={state} defaultValue={today} hint={`应于 ${due} 前一次性告知`} required />
          <TextField name="supplementDeadline" label="申请人补正期限" type="date" state={state} required />
        </div>
      )}
    </ClockForm>
  );
}

export function SupplementedForm({ action, version, today }: Props) {
  return (
    <ClockForm action={action} version={version} label="登记收到补正" submit="登记收到补正">
      {(state) => <TextField name="supplementedDate" label="收到补正后申请之日" type="date" state={state} defaultValue={today} hint="答复期限自此日重新起算" required />}
    </ClockForm>
  );
}

export function ExtensionForm({ action, version, today, unextended }: Props & { unextended: string }) {
  return (
    <ClockForm action={action} version={version} label="登记延期" submit="登记延期">
      {(state) => (
        <div className="grid grid-cols-2 gap-3">
          <TextField name="extensionDays" label="延长工作日数（1–20）" type="number" min={1} max={20} state={state} defaultValue="20" required />
          <TextField name="extensionApprovedBy" label="批准人（公开工作机构负责人）" state={state} required />
          <TextField name="extensionApprovedDate" label="批准日期" type="date" state={state} defaultValue={today} hint={`须在原答复期限 ${unextended} 前`} required />
          <TextField name="extensionNoticeDate" label="告知申请人日期" type="date" state={state} defaultValue={today} required />
        </div>
      )}
    </ClockForm>
  );
}

export function DelayForm({ action, version, today }: Props) {
  return (
    <ClockForm action={action} version={version} label="延迟答复" submit="登记延迟答复期限">
      {(state) => (
        <div className="grid grid-cols-2 gap-3">
          <TextField name="delayedReplyDate" label="确定的延迟答复期限" type="date" state={state} required />
          <TextField name="delayedNoticeDate" label="告知申请人日期" type="date" state={state} defaultValue={today} required />
        </div>
      )}
    </ClockForm>
  );
}

export function DeliveryForm({ action, version, today }: Props) {
  return (
    <ClockForm action={action} version={version} label="登记送达" submit="登记送达">
      {(state) => (
        <div className="grid grid-cols-2 gap-3">
          <SelectField
            name="replyDelivery"
            label="送达方式"
            state={state}
            options={[{ value: "", label: "请选择" }, ...REPLY_DELIVERIES.map((d) => ({ value: d, label: `${REPLY_DELIVERY_LABELS[d]}（以${REPLY_DELIVERY_DAY[d]}计）` }))]}
            required
          />
          <TextField name="replyDeliveredDate" label="送达日期（签收、交邮或发送之日）" type="date" state={state} defaultValue={today} required />
        </div>
      )}
    </ClockForm>
  );
}
