"use client";

import { useActionState, useState } from "react";
import { FormMessage, SubmitButton, TextField, echoed } from "@/components/ui/form";
import { type ActionState, IDLE } from "@/lib/actions";
import type { Outcome } from "@/lib/requests/codes";
import { isDisclosure, OUTCOME_GROUPS, OUTCOME_LABELS, outcomeGroupOf } from "@/lib/requests/outcomes";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  version: number;
  current: { outcome: Outcome | null; concludedDate: string | null; replyNumber: string | null; feeYuan: string | null; feePaidDate: string | null; withheldUnderExemptions: boolean; partNotAvailable: boolean };
  today: string;
};

/** The answer in one of the six groups, then its single row (A1: exactly one row per application). */
export function ConcludeForm({ action, version, current, today }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const initialOutcome = (echoed(state, "outcome") || current.outcome || "") as Outcome | "";
  const [group, setGroup] = useState<string>(initialOutcome ? outcomeGroupOf(initialOutcome).key : "");
  const [outcome, setOutcome] = useState<string>(initialOutcome);
  const chosen = OUTCOME_GROUPS.find((g) => g.key === group);
  const outcomeError = state.status === "error" ? state.fieldErrors?.outcome?.[0] : undefined;
  const pickGroup = (key: string) => {
    setGroup(key);
    const g = OUTCOME_GROUPS.find((x) => x.key === key);
    setOutcome(g && g.outcomes.length === 1 ? g.outcomes[0] : "");
  };
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label="办结">
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="outcome" value={outcome} />
      <FormMessage state={state} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">办理结果</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1" role="radiogroup">
          {OUTCOME_GROUPS.map((g) => (
            <label key={g.key} className="flex items-center gap-1 text-sm">
              <input type="radio" name="group" value={g.key} checked={group === g.key} onChange={() => pickGroup(g.key)} />
              {g.label}
            </label>
          ))}
        </div>
      </fieldset>
      {chosen && chosen.outcomes.length > 1 ? (
        <div className="space-y-1">
          <label htmlFor="f-reason" className="block text-sm font-medium text-slate-700">
            具体情形
          </label>
          <select id="f-reason" value={outcome} onChange={(e) => setOutcome(e.target.value)} className="block w-full rounded border border-slate-300 bg-white px-3 py-1.5 text-sm">
            <option value="">（请选择一项）</option>
            {chosen.outcomes.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {chosen?.outcomes.some(isDisclosure) ? (
        <div className="space-y-1 rounded bg-slate-50 p-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="withheldUnderExemptions" defaultChecked={current.withheldUnderExemptions} />
            部分内容依据《条例》第十四、十五、十六条不予公开（区分处理的，应计为部分公开）
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="partNotAvailable" defaultChecked={current.partNotAvailable} />
            部分信息不存在或不属于本机关（可由承办人选择计为予以公开或部分公开）
          </label>
        </div>
      ) : null}
      {outcomeError ? (
        <p id="f-outcome-error" className="text-sm text-red-700">
          {outcomeError}
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-3">
        <TextField name="concludedDate" label="办结日期（答复出具之日）" type="date" state={state} defaultValue={current.concludedDate ?? today} required />
        <TextField name="replyNumber" label="答复文号" state={state} defaultValue={current.replyNumber ?? ""} />
        <TextField name="feeYuan" label="信息处理费（元）" state={state} defaultValue={current.feeYuan ?? ""} inputMode="decimal" />
        <TextField name="feePaidDate" label="缴费日期" type="date" state={state} defaultValue={current.feePaidDate ?? ""} />
      </div>
      <SubmitButton pending={pending}>{current.outcome ? "更正办理结果" : "办结"}</SubmitButton>
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
