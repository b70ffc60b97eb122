import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/app-shell";
import { DueBadge } from "@/components/requests/badges";
import { beijingTime } from "@/lib/audit/labels";
import { requirePagePermission, toActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { APPROVAL_KIND_LABELS } from "@/lib/requests/codes";
import { todayInChina } from "@/lib/time";
import { type ApprovalListItem, myTodo, type TodoItem } from "@/lib/work/queries";

export const metadata: Metadata = { title: "我的待办" };

type Tone = "danger" | "warning" | "neutral";

const COUNT_STYLE: Record<Tone, string> = {
  danger: "bg-red-600 text-white",
  warning: "bg-amber-100 text-amber-900",
  neutral: "bg-slate-100 text-slate-700",
};

const groupHeading = "mb-3 text-base font-semibold text-slate-900";

/** The content shown in a list: a line's worth (the whole text is on the request's page). */
const excerpt = (text: string) => [...text].slice(0, 80).join("");

function Section({ testId, title, count, tone = "neutral", children }: { testId: string; title: string; count: number; tone?: Tone; children: ReactNode }) {
  return (
    <section data-testid={testId} aria-labelledby={`${testId}-title`} className="rounded border border-slate-200 bg-white">
      <h3 id={`${testId}-title`} className={`flex items-center justify-between gap-2 px-4 py-2 text-sm font-semibold text-slate-800 ${count > 0 ? "border-b border-slate-200" : ""}`}>
        <span>{title}</span>
        {count > 0 ? (
          <span role="img" aria-label={`${count} 件`} className={`min-w-6 rounded-full px-2 text-center text-xs font-semibold leading-5 ${COUNT_STYLE[tone]}`}>
            {count}
          </span>
        ) : (
          <span className="text-xs font-normal text-slate-400">暂无</span>
        )}
      </h3>
      {count > 0 ? children : null}
    </section>
  );
}

/**
 * A list of requests. `dateLabel` names the item's date, shown on the right (omitted where the
 * note already gives it); `urgentWithin` marks those due within that many working days;
 * `showLeft` adds the working days left to the date.
 */
function RequestList({ items, dateLabel, urgentWithin, showLeft, noteTone = "text-slate-600" }: { items: TodoItem[]; dateLabel?: string; urgentWithin?: number; showLeft?: boolean; noteTone?: string }) {
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((item) => {
        const urgent = urgentWithin !== undefined && item.left !== null && item.left <= urgentWithin;
        return (
          <li key={`${item.requestId}-${item.note}`} data-request-id={item.requestId} data-urgent={urgent ? "true" : undefined} className={`border-l-4 ${urgent ? "border-l-red-500 bg-red-50/40" : "border-l-transparent"}`}>
            <Link href={`/requests/${item.requestId}`} prefetch={false} className="block px-3 py-2 hover:bg-brand-50">
              <span className="flex items-baseline justify-between gap-3">
                <span className="min-w-0 truncate">
                  <span className="font-mono text-sm text-brand-700">{item.serial}</span>
                  <span className="ml-2 text-sm text-slate-800">{item.applicantName}</span>
                </span>
                {item.date && dateLabel ? (
                  <span className="shrink-0 whitespace-nowrap text-xs text-slate-500">
                    {dateLabel} {item.date}
                  </span>
                ) : null}
              </span>
              <span className="mt-0.5 block truncate text-sm text-slate-600">{excerpt(item.content)}</span>
              <span className="mt-1 flex flex-wrap items-center gap-2 text-xs">
                {urgent ? <span className="badge border-red-700 bg-red-600 text-white">紧急</span> : null}
                <span className={urgent ? "font-medium text-red-800" : noteTone}>{item.note}</span>
                {showLeft && item.left !== null ? <DueBadge left={item.left} /> : null}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function ApprovalList({ items }: { items: ApprovalListItem[] }) {
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((a) => (
        <li key={a.id} data-approval-id={a.id} data-request-id={a.requestId}>
          <Link href={`/approvals/${a.id}`} prefetch={false} className="block px-3 py-2 hover:bg-brand-50">
            <span className="flex items-baseline justify-between gap-3">
              <span className="min-w-0 truncate">
                <span className="badge mr-2 border-orange-200 bg-orange-50 text-orange-800">{APPROVAL_KIND_LABELS[a.kind]}</span>
                <span className="font-mono text-sm text-brand-700">{a.serial}</span>
                <span className="ml-2 text-sm text-slate-800">{a.applicantName}</span>
              </span>
              {a.dueDate ? <span className="shrink-0 whitespace-nowrap text-xs text-slate-500">答复期限 {a.dueDate}</span> : null}
            </span>
            <span className="mt-0.5 block truncate text-sm text-slate-600">{excerpt(a.content)}</span>
            <span className="mt-1 block text-xs text-slate-500">
              {a.requestedByName ?? "—"} 提交于 {beijingTime(a.requestedAt).slice(0, 16)}
              {a.levels === 2 ? ` · ${a.levelsDone > 0 ? "已审核，待签发" : "待审核（二级审批）"}` : " · 待审核"}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default async function TodoPage() {
  const user = await requirePagePermission("requests.read");
  const today = todayInChina();
  const todo = myTodo(toActor(user), today);
  const { soon, urgent } = todo.thresholds;
  const supervising = can(user.role, "requests.assign");
  return (
    <>
      <PageHeader title="我的待办" description={`${user.agencyName} · 今天 ${today} · 即将到期：${soon} 个工作日内，紧急：${urgent} 个工作日内`} />
      {/* A supervisor's first work is what waits for them; then what they handle themselves. */}
      {supervising ? (
        <>
          <h2 className={groupHeading}>本机关</h2>
          <div className="grid grid-cols-1 items-start gap-4 xl:grid-cols-2">
            <Section testId="todo-approvals" title="待我审批" count={todo.approvals.length} tone="warning">
              <ApprovalList items={todo.approvals} />
            </Section>
            <Section testId="todo-assign" title="待分办" count={todo.toAssign.length} tone="warning">
              <RequestList items={todo.toAssign} dateLabel="答复期限" showLeft />
            </Section>
            <Section testId="todo-agency-overdue" title="本机关逾期未办结" count={todo.agencyOverdue.length} tone="danger">
              <RequestList items={todo.agencyOverdue} dateLabel="答复期限" noteTone="text-red-700" />
            </Section>
            <Section testId="todo-load" title="承办人工作量" count={todo.load.length}>
              <table className="w-full text-sm">
                <thead>
                  <tr className="border-b border-slate-200 bg-slate-50 text-left text-slate-600">
                    <th className="px-4 py-1.5 font-medium">承办人</th>
                    <th className="px-4 py-1.5 text-right font-medium">未办结</th>
                    <th className="px-4 py-1.5 text-right font-medium">其中逾期</th>
                  </tr>
                </thead>
                <tbody>
                  {todo.load.map((row) => (
                    <tr key={row.userId} data-user-id={row.userId} className="border-b border-slate-100 last:border-0">
                      <td className="px-4 py-1.5">{row.name}</td>
                      <td className="px-4 py-1.5 text-right tabular-nums">{row.open}</td>
                      <td className={`px-4 py-1.5 text-right tabular-nums ${row.overdue > 0 ? "font-semibold text-red-700" : "text-slate-500"}`}>{row.overdue}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Section>
          </div>
        </>
      ) : null}
      <h2 className={supervising ? `${groupHeading} mt-6` : "sr-only"}>我承办的事项</h2>
      <div className="grid grid-cols-1 items-start gap-4 xl:grid-cols-2">
        <Section testId="todo-overdue" title="已逾期" count={todo.overdue.length} tone="danger">
          <RequestList items={todo.overdue} dateLabel="答复期限" noteTone="font-medium text-red-700" />
        </Section>
        <Section testId="todo-due-soon" title={`即将到期（${soon} 个工作日内）`} count={todo.dueSoon.length} tone="warning">
          <RequestList items={todo.dueSoon} dateLabel="答复期限" urgentWithin={urgent} noteTone="text-amber-800" />
        </Section>
        <Section testId="todo-accept" title="待签收" count={todo.toAccept.length} tone="warning">
          <RequestList items={todo.toAccept} dateLabel="答复期限" showLeft />
        </Section>
        <Section testId="todo-returned" title="被退回的拟办/申请" count={todo.returned.length} tone="warning">
          <RequestList items={todo.returned} dateLabel="答复期限" showLeft noteTone="text-red-700" />
        </Section>
        <Section testId="todo-supplements" title="补正期限" count={todo.supplementsDue.length}>
          <RequestList items={todo.supplementsDue} showLeft />
        </Section>
        <Section testId="todo-consultations" title="第三方意见期限" count={todo.consultationsDue.length}>
          <RequestList items={todo.consultationsDue} showLeft />
        </Section>
        <Section testId="todo-submitted" title="我提交待审批的事项" count={todo.submitted.length}>
          <RequestList items={todo.submitted} dateLabel="答复期限" showLeft />
        </Section>
      </div>
    </>
  );
}
