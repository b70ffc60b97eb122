"use client";

import { useActionState, useState } from "react";
import { FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { type ActionState, IDLE } from "@/lib/actions";
import { APPEAL_KIND_LABELS, APPEAL_KINDS, APPEAL_RESULT_LABELS, APPEAL_RESULTS, type AppealKind, type AppealResult, REVIEW_DECISIONS, SUIT_DECISIONS } from "@/lib/appeals/codes";

/** A case as the edit form starts from it (its version is sent back: a case changed since is refused). */
export type AppealFormCase = {
  caseNumber: string;
  kind: AppealKind;
  afterReview: boolean;
  filedDate: string;
  decidingBody: string | null;
  decision: string | null;
  result: AppealResult;
  decidedDate: string | null;
  version: number;
};

/** Records a 行政复议 or 行政诉讼 case against this request, or edits one (`appeal`). */
export function AppealForm({ action, appeal }: { action: (state: ActionState, form: FormData) => Promise<ActionState>; appeal?: AppealFormCase }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [kind, setKind] = useState(state.status === "error" ? (state.values?.kind ?? appeal?.kind ?? "review") : (appeal?.kind ?? "review"));
  const decisions = Object.keys(kind === "review" ? REVIEW_DECISIONS : SUIT_DECISIONS);
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label={appeal ? "修改复议诉讼案件" : "登记复议诉讼案件"}>
      <FormMessage state={state} />
      {appeal ? <input type="hidden" name="version" value={appeal.version} /> : null}
      <div className="grid grid-cols-2 gap-3">
        <TextField name="caseNumber" label="案号" state={state} defaultValue={appeal?.caseNumber} readOnly={Boolean(appeal)} required />
        <div className="space-y-1">
          <label htmlFor="f-kind" className="block text-sm font-medium text-slate-700">
            类型
          </label>
          <select id="f-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)} className="block w-full rounded border border-slate-300 bg-white px-3 py-1.5">
            {APPEAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {APPEAL_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {kind === "suit" ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="afterReview" value="true" defaultChecked={appeal?.afterReview} />
          复议后起诉（同一行为先经行政复议）
        </label>
      ) : null}
      <div className="grid grid-cols-2 gap-3">
        <TextField name="filedDate" label="收案日期" type="date" state={state} defaultValue={appeal?.filedDate} required />
        <TextField name="decidingBody" label={kind === "review" ? "复议机关" : "审理法院"} state={state} defaultValue={appeal?.decidingBody ?? undefined} />
      </div>
      <SelectField name="decision" label="决定类型" state={state} options={[{ value: "", label: "（尚未作出或不详）" }, ...decisions.map((d) => ({ value: d, label: d }))]} defaultValue={appeal?.decision ?? ""} />
      <div className="grid grid-cols-2 gap-3">
        <SelectField name="result" label="结果" hint="填写了决定类型的，以决定类型为准" state={state} options={APPEAL_RESULTS.map((r) => ({ value: r, label: APPEAL_RESULT_LABELS[r] }))} defaultValue={appeal?.result ?? "pending"} />
        <TextField name="decidedDate" label="审结日期" type="date" state={state} defaultValue={appeal?.decidedDate ?? undefined} />
      </div>
      <SubmitButton pending={pending} variant="secondary">
        保存案件
      </SubmitButton>
    </form>
  );
}
