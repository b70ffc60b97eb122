import type { ReactNode } from "react";
import { PAUSE_KIND_LABELS, REPLY_DELIVERY_LABELS } from "@/lib/calendar/codes";
import type { RequestView } from "@/lib/requests/queries";
import type { PauseView } from "@/lib/requests/unit-of-work";
import type { Clock } from "@/lib/deadlines/clock";
import type { ActionState } from "@/lib/actions";
import { DueBadge } from "./badges";
import { DelayForm, DeliveryForm, EndPauseForm, ExtensionForm, PauseForm, RemovePauseForm, SupplementedForm, SupplementNoticeForm } from "./clock-forms";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
export type ClockActions = {
  addPause: Action;
  endPause: Action;
  removePause: Action;
  /** Recording an extension or an Art 35 date as a fact: only for those who approve them (the handler asks for one instead). */
  extension?: Action;
  delay?: Action;
  supplementNotice: Action;
  supplemented: Action;
  delivery: Action;
};

type Facts = Pick<
  RequestView,
  | "supplementNoticeDate"
  | "supplementDeadline"
  | "supplementedDate"
  | "extensionDays"
  | "extensionApprovedBy"
  | "extensionApprovedDate"
  | "extensionNoticeDate"
  | "delayedReplyDate"
  | "delayedNoticeDate"
  | "replyDelivery"
  | "replyDeliveredDate"
  | "outcome"
  | "version"
>;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex gap-2 text-sm">
      <dt className="w-24 shrink-0 text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

function Expander({ title, children }: { title: string; children: ReactNode }) {
  return (
    <details className="rounded border border-slate-200 bg-slate-50 px-3 py-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{title}</summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}

/** The statutory clock of one request (domain.md A4): when it is due, why, and the facts that move it. */
export function ClockPanel({ clock, left, pauses, facts, actions, today }: { clock: Clock; left: number | null; pauses: PauseView[]; facts: Facts; actions?: ClockActions; today: string }) {
  const open = !facts.outcome;
  const v = facts.version;
  const due = clock.due;
  return (
    <section id="clock" className="rounded border border-slate-200 bg-white p-4" aria-label="答复期限">
      <h2 className="mb-3 font-semibold">答复期限</h2>
      <div className="mb-3 flex flex-wrap items-center gap-3" data-testid="due-summary">
        {clock.state === "awaiting_supplement" ? (
          <span className="text-base font-semibold text-violet-800">待补正：期限尚未起算</span>
        ) : due ? (
          <>
            <span className="text-lg font-semibold" data-testid="due-date">
              {due.date}
            </span>
            {due.provisional ? (
              <span className="rounded border border-amber-300 bg-amber-50 px-1.5 py-0.5 text-xs text-amber-800" title="该年放假安排尚未录入，按法定节假日暂定">
                暂定
              </span>
            ) : null}
            {clock.state === "running" && left !== null ? <DueBadge left={left} /> : null}
            {clock.state === "paused" ? <span className="rounded border border-violet-300 bg-violet-50 px-1.5 py-0.5 text-xs text-violet-800">中止计算中</span> : null}
            {clock.delivery ? (
              <span className={`rounded border px-1.5 py-0.5 text-xs ${clock.delivery.onTime ? "border-green-300 bg-green-50 text-green-800" : "border-red-300 bg-red-50 text-red-800"}`}>
                {clock.delivery.onTime ? "按期答复" : "逾期答复"}
              </span>
            ) : null}
          </>
        ) : null}
      </div>
      {clock.stoppedNote ? <p className="mb-3 text-sm text-violet-800">{clock.stoppedNote}</p> : null}
      {clock.consultationsOverdue.map((c) => (
        <p key={c.fromDate} data-testid="consultation-overdue" className="mb-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {c.note}
        </p>
      ))}
      {clock.delivery ? <p className="mb-3 text-sm text-slate-700">{clock.delivery.note}</p> : null}
      {due ? (
        <ol className="mb-4 list-decimal space-y-0.5 pl-6 text-sm text-slate-700" data-testid="due-explanation" aria-label="期限计算过程">
          {due.steps.map((s, i) => (
            <li key={i}>{s.note}</li>
          ))}
        </ol>
      ) : null}

      <dl className="mb-3 space-y-1.5">
        <Fact label="补正">
          {facts.supplementNoticeDate
            ? `${facts.supplementNoticeDate} 告知补正，补正期限 ${facts.supplementDeadline ?? "—"}${facts.supplementedDate ? `；${facts.supplementedDate} 收到补正` : "；尚未收到补正"}`
            : `未告知补正（如需补正，应于 ${clock.supplementNoticeDue.date} 前一次性告知）`}
        </Fact>
        <Fact label="中止计算">
          {pauses.length === 0 ? (
            "无"
          ) : (
            <ul className="space-y-2" data-testid="pauses">
              {pauses.map((p) => (
                <li key={p.id}>
                  {PAUSE_KIND_LABELS[p.kind]}：{p.fromDate} 至 {p.toDate ?? "（尚未结束）"}
                  {p.letterReceivedDate ? <span className="text-slate-500">；第三方 {p.letterReceivedDate} 收到征求意见函</span> : null}
                  {p.note ? <span className="text-slate-500">（{p.note}）</span> : null}
                  {actions && open ? (
                    <div className="mt-1 flex flex-wrap gap-2">
                      {p.toDate === null ? (
                        <Expander title="登记结束">
                          <EndPauseForm action={actions.endPause} version={v} today={today} pauseId={p.id} />
                        </Expander>
                      ) : null}
                      <Expander title="撤销（登记有误）">
                        <RemovePauseForm action={actions.removePause} version={v} pauseId={p.id} />
                      </Expander>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact label="延期">
          {facts.extensionDays
            ? `延长 ${facts.extensionDays} 个工作日${facts.extensionApprovedBy ? `，${facts.extensionApprovedBy} 于 ${facts.extensionApprovedDate} 批准${facts.extensionNoticeDate ? `，${facts.extensionNoticeDate} 告知申请人` : "，尚未登记告知申请人日期"}` : "（台账导入，未登记批准情况）"}`
            : "未延期"}
        </Fact>
        {facts.delayedReplyDate ? (
          <Fact label="延迟答复">
            {`条例第三十五条：延迟至 ${facts.delayedReplyDate}${facts.delayedNoticeDate ? `，${facts.delayedNoticeDate} 告知申请人` : "，尚未登记告知申请人日期"}`}
          </Fact>
        ) : null}
        {facts.replyDelivery ? <Fact label="送达">{`${REPLY_DELIVERY_LABELS[facts.replyDelivery]}，${facts.replyDeliveredDate}`}</Fact> : null}
      </dl>

      {actions ? (
        <div className="grid grid-cols-1 gap-2">
          {open && clock.state !== "awaiting_supplement" ? (
            <Expander title="登记中止计算（征求意见、缴费）">
              <PauseForm action={actions.addPause} version={v} today={today} />
            </Expander>
          ) : null}
          {open && !facts.supplementNoticeDate ? (
            <Expander title="登记告知补正">
              <SupplementNoticeForm action={actions.supplementNotice} version={v} today={today} due={clock.supplementNoticeDue.date} />
            </Expander>
          ) : null}
          {open && facts.supplementNoticeDate && !facts.supplementedDate ? (
            <Expander title="登记收到补正">
              <SupplementedForm action={actions.supplemented} version={v} today={today} />
            </Expander>
          ) : null}
          {open && due && actions.extension ? (
            <Expander title={facts.extensionDays ? "更正延期" : "登记已批准的延期（最长 20 个工作日）"}>
              <ExtensionForm action={actions.extension} version={v} today={today} unextended={due.unextended} />
            </Expander>
          ) : null}
          {open && due && actions.delay ? (
            <Expander title="登记延迟答复（条例第三十五条）">
              <DelayForm action={actions.delay} version={v} today={today} />
            </Expander>
          ) : null}
          {!open ? (
            <Expander title={facts.replyDelivery ? "更正送达" : "登记送达（判断是否按期）"}>
              <DeliveryForm action={actions.delivery} version={v} today={today} />
            </Expander>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
