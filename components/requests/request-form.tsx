"use client";

import { useActionState, useState } from "react";
import { FormMessage, SelectField, SubmitButton, TextField, echoed } from "@/components/ui/form";
import { type ActionState, IDLE } from "@/lib/actions";
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  type Channel,
  CHANNEL_LABELS,
  CHANNELS,
  DELIVERY_METHOD_LABELS,
  DELIVERY_METHODS,
  REQUESTED_FORM_LABELS,
  REQUESTED_FORMS,
} from "@/lib/requests/codes";
import { deriveReceiptDate } from "@/lib/requests/receipt";

export type RequestFormValues = Partial<Record<string, string>>;

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  values: RequestFormValues;
  submitLabel: string;
  /** The agency's users who may handle it (承办人). */
  /** The colleagues a request may be assigned to at registration; absent when the user may not assign (or on the edit form). */
  handlers?: { id: string; name: string }[];
};

const options = <T extends string>(codes: readonly T[], labels: Record<T, string>, blank?: string) => [
  ...(blank !== undefined ? [{ value: "", label: blank }] : []),
  ...codes.map((c) => ({ value: c, label: labels[c] })),
];

/** Registration and editing of a request: one form, the receipt date derived as the clerk types (A3). */
export function RequestForm({ action, values, submitLabel, handlers }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const initial = (name: string) => echoed(state, name, values[name] ?? "");
  const [channel, setChannel] = useState(initial("channel") || "in_person");
  const [arrived, setArrived] = useState(initial("arrivedDate"));
  const [confirmed, setConfirmed] = useState(initial("confirmedDate"));
  const derived = deriveReceiptDate({ channel: channel as Channel, arrivedDate: arrived, confirmedDate: confirmed });
  const needsConfirmation = channel !== "in_person";
  const textArea = (name: string, label: string, required = false, rows = 4) => {
    const error = state.status === "error" ? state.fieldErrors?.[name]?.[0] : undefined;
    return (
      <div className="space-y-1">
        <label htmlFor={`f-${name}`} className="block text-sm font-medium text-slate-700">
          {label}
          {required ? <span className="ml-0.5 text-red-600" aria-hidden="true">*</span> : null}
        </label>
        <textarea
          id={`f-${name}`}
          name={name}
          rows={rows}
          required={required}
          defaultValue={initial(name)}
          key={`${name}-${initial(name)}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `f-${name}-error` : undefined}
          className="block w-full rounded border border-slate-300 bg-white px-3 py-1.5 shadow-sm aria-[invalid=true]:border-red-600"
        />
        {error ? (
          <p id={`f-${name}-error`} className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form action={formAction} className="max-w-5xl space-y-5" noValidate aria-label={submitLabel}>
      {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
      <FormMessage state={state} />

      <fieldset className="grid grid-cols-3 gap-x-5 gap-y-3 rounded border border-slate-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">申请人</legend>
        <SelectField name="applicantType" label="申请人类型" state={state} options={options(APPLICANT_TYPES, APPLICANT_TYPE_LABELS)} defaultValue={values.applicantType ?? "natural"} />
        <TextField name="applicantName" label="姓名或名称" state={state} defaultValue={values.applicantName} required hint="共同申请的，填写第一申请人" />
        <TextField name="idNumber" label="证件号码" state={state} defaultValue={values.idNumber} autoComplete="off" hint="居民身份证将核验校验位" />
        <TextField name="creditCode" label="统一社会信用代码" state={state} defaultValue={values.creditCode} autoComplete="off" />
        <TextField name="phone" label="联系电话" state={state} defaultValue={values.phone} autoComplete="off" />
        <TextField name="email" label="电子邮箱" state={state} defaultValue={values.email} autoComplete="off" />
        <div className="col-span-3">
          <TextField name="address" label="联系地址" state={state} defaultValue={values.address} autoComplete="off" />
        </div>
      </fieldset>

      <fieldset className="grid grid-cols-3 gap-x-5 gap-y-3 rounded border border-slate-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">收到申请</legend>
        <div className="space-y-1">
          <label htmlFor="f-channel" className="block text-sm font-medium text-slate-700">
            申请方式
          </label>
          <select id="f-channel" name="channel" value={channel} onChange={(e) => setChannel(e.target.value)} className="block w-full rounded border border-slate-300 bg-white px-3 py-1.5">
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
        <TextField
          name="arrivedDate"
          label={channel === "mail" ? "签收日期" : channel === "in_person" ? "提交日期" : "收到日期"}
          type="date"
          state={state}
          defaultValue={arrived}
          onChange={(e) => setArrived(e.currentTarget.value)}
        />
        <TextField
          name="confirmedDate"
          label={channel === "mail" ? "确认日期（平常信函）" : "双方确认日期"}
          type="date"
          state={state}
          defaultValue={confirmed}
          onChange={(e) => setConfirmed(e.currentTarget.value)}
          disabled={!needsConfirmation}
          hint={needsConfirmation ? "网络、电子邮件、传真及未签收的信函，以双方确认之日为准" : undefined}
        />
        <p data-testid="derived-receipt" className="col-span-3 rounded bg-brand-50 px-3 py-2 text-sm text-brand-800">
          收到申请之日：<strong>{derived.date ?? "（待填写）"}</strong>　{derived.rule}
        </p>
        <TextField name="receivedDate" label="更正收到申请之日（一般不填）" type="date" state={state} defaultValue={values.receivedDate} hint="与上方推算日期不同时填写，并说明理由" />
        <div className="col-span-2">
          <TextField name="receivedDateReason" label="更正理由" state={state} defaultValue={values.receivedDateReason} />
        </div>
      </fieldset>

      <fieldset className="grid grid-cols-3 gap-x-5 gap-y-3 rounded border border-slate-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">申请内容与办理</legend>
        <div className="col-span-3">{textArea("content", "申请公开的政府信息（名称、文号或其他特征描述）", true)}</div>
        <SelectField name="requestedForm" label="提供形式" state={state} options={options(REQUESTED_FORMS, REQUESTED_FORM_LABELS, "（未指定）")} defaultValue={values.requestedForm ?? ""} />
        <SelectField name="deliveryMethod" label="获取方式" state={state} options={options(DELIVERY_METHODS, DELIVERY_METHOD_LABELS, "（未指定）")} defaultValue={values.deliveryMethod ?? ""} />
        {/* 分办 at registration, for those who may assign (A8); later the request page's 分办 / 改派. */}
        {handlers ? (
          <SelectField
            name="handlerUserId"
            label="承办人"
            state={state}
            options={[{ value: "", label: "（暂不分办）" }, ...handlers.map((h) => ({ value: h.id, label: h.name }))]}
            defaultValue={values.handlerUserId ?? ""}
            hint={values.handler ? `台账记录的承办人：${values.handler}` : undefined}
          />
        ) : null}
        {/* The free-text handler of an imported ledger is kept as it was. */}
        <input type="hidden" name="handler" value={values.handler ?? ""} />
        <TextField name="serial" label="编号" state={state} defaultValue={values.serial} required hint="系统建议的本年度下一个编号，可修改；本机关内不得重复" />
        <div className="col-span-2">{textArea("notes", "备注", false, 2)}</div>
      </fieldset>

      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
    </form>
  );
}
