"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/ui/form";
import { type ActionState, IDLE } from "@/lib/actions";
import { NOTICE_HOLIDAYS, type NoticeForm as NoticeValues } from "@/lib/calendar/notice";

/** The State Council's notice of one year, holiday by holiday, as it is printed. */
export function NoticeForm({ action, year, source, values, hints }: { action: (s: ActionState, f: FormData) => Promise<ActionState>; year: number; source: string; values: NoticeValues; hints: Record<string, string> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label={`录入 ${year} 年放假安排`}>
      <FormMessage state={state} />
      <TextField name="source" label="通知名称" state={state} defaultValue={source} placeholder={`国务院办公厅关于${year}年部分节假日安排的通知`} required />
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="text-left text-xs text-slate-600">
            <th className="pb-1 pr-2 font-medium">节日</th>
            <th className="pb-1 pr-2 font-medium">放假开始</th>
            <th className="pb-1 pr-2 font-medium">放假结束</th>
            <th className="pb-1 font-medium">调休上班日</th>
          </tr>
        </thead>
        <tbody>
          {NOTICE_HOLIDAYS.map(([key, name]) => (
            <tr key={key} className="align-top">
              <th scope="row" className="whitespace-nowrap pr-2 pt-2 text-left font-medium">
                {name}
                {hints[key] ? <span className="block text-xs font-normal text-slate-500">{hints[key]}</span> : null}
              </th>
              <td className="w-40 pr-2">
                <TextField name={`${key}From`} label={`${name}放假开始`} type="date" state={state} defaultValue={values[key].from ?? ""} srLabel />
              </td>
              <td className="w-40 pr-2">
                <TextField name={`${key}To`} label={`${name}放假结束`} type="date" state={state} defaultValue={values[key].to ?? ""} srLabel />
              </td>
              <td>
                <TextField name={`${key}Makeup`} label={`${name}调休上班日`} state={state} defaultValue={values[key].makeup ?? ""} placeholder="YYYY-MM-DD，可填多个" srLabel />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-500">调休上班日只填周六或周日，多个日期用空格分隔。保存后，所有未办结申请的答复期限按新安排重新计算，期限有变动的申请列在本页下方。</p>
      <SubmitButton pending={pending}>保存 {year} 年放假安排</SubmitButton>
    </form>
  );
}
