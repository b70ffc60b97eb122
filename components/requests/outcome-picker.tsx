"use client";

import { useState } from "react";
import { echoed } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions";
import type { Outcome } from "@/lib/requests/codes";
import { isDisclosure, OUTCOME_GROUPS, OUTCOME_LABELS, outcomeGroupOf } from "@/lib/requests/outcomes";

type Props = {
  state: ActionState;
  current: { outcome: Outcome | null; withheldUnderExemptions: boolean; partNotAvailable: boolean };
  /** Called with the row chosen ("" while a group of several rows waits for its choice). */
  onChange?: (outcome: Outcome | "") => void;
  /** Ids of its own when a page holds two pickers (the 拟办 and the conclude form). */
  idPrefix?: string;
  /** Only these rows may be chosen (a clerk records only an abandonment directly). */
  allowed?: readonly Outcome[];
};

/**
 * The answer in one of the six groups, then its single row (A1: exactly one row per
 * application), with the two facts that decide between 予以公开 and 部分公开. The chosen row is
 * posted as `outcome`; the conclude form and the 拟办 form both use it.
 */
export function OutcomePicker({ state, current, onChange, idPrefix = "f", allowed }: Props) {
  const groups = allowed
    ? OUTCOME_GROUPS.map((g) => ({ ...g, outcomes: g.outcomes.filter((o) => allowed.includes(o)) })).filter((g) => g.outcomes.length > 0)
    : OUTCOME_GROUPS;
  const initialOutcome = (echoed(state, "outcome") || current.outcome || "") as Outcome | "";
  const [group, setGroup] = useState<string>(initialOutcome ? outcomeGroupOf(initialOutcome).key : "");
  const [outcome, setOutcome] = useState<Outcome | "">(initialOutcome);
  const chosen = groups.find((g) => g.key === group);
  const outcomeError = state.status === "error" ? state.fieldErrors?.outcome?.[0] : undefined;
  const choose = (value: Outcome | "") => {
    setOutcome(value);
    onChange?.(value);
  };
  const pickGroup = (key: string) => {
    setGroup(key);
    const g = groups.find((x) => x.key === key);
    choose(g && g.outcomes.length === 1 ? g.outcomes[0] : "");
  };
  return (
    <>
      <input type="hidden" name="outcome" value={outcome} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">办理结果</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1" role="radiogroup">
          {groups.map((g) => (
            <label key={g.key} className="flex items-center gap-1 text-sm">
              <input type="radio" name="group" value={g.key} checked={group === g.key} onChange={() => pickGroup(g.key)} />
              {g.label}
            </label>
          ))}
        </div>
      </fieldset>
      {chosen && chosen.outcomes.length > 1 ? (
        <div className="space-y-1">
          <label htmlFor={`${idPrefix}-reason`} className="block text-sm font-medium text-slate-700">
            具体情形
          </label>
          <select id={`${idPrefix}-reason`} value={outcome} onChange={(e) => choose(e.target.value as Outcome | "")} className="block w-full rounded border border-slate-300 bg-white px-3 py-1.5 text-sm">
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
        <p id={`${idPrefix}-outcome-error`} className="text-sm text-red-700">
          {outcomeError}
        </p>
      ) : null}
    </>
  );
}
