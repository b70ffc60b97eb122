import type { ReactNode } from "react";
import { beijingTime } from "@/lib/audit/labels";
import { APPROVAL_KIND_LABELS, APPROVAL_LEVEL_LABELS, APPROVAL_STATUS_LABELS, type Outcome } from "@/lib/requests/codes";
import { OUTCOME_LABELS } from "@/lib/requests/outcomes";
import type { ApprovalDetail } from "@/lib/work/queries";

/** One approval as the request page and the approval page show it: what is proposed, by whom, where it stands. */
export function ApprovalCard({ approval, children }: { approval: ApprovalDetail; children?: ReactNode }) {
  const p = approval.proposal as Record<string, unknown>;
  const stage =
    approval.status === "pending"
      ? `待${APPROVAL_LEVEL_LABELS[approval.levelsDone] ?? "审核"}${approval.levels > 1 ? `（共 ${approval.levels} 级）` : ""}`
      : APPROVAL_STATUS_LABELS[approval.status];
  return (
    <article className="space-y-2 rounded border border-slate-200 p-3 text-sm" data-testid="approval" data-approval-id={approval.id} data-status={approval.status}>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-medium">{APPROVAL_KIND_LABELS[approval.kind]}</h3>
        <span className={`badge ${approval.status === "pending" ? "bg-amber-100 text-amber-800" : approval.status === "approved" ? "bg-green-100 text-green-800" : "bg-slate-100 text-slate-700"}`}>{stage}</span>
      </header>
      <p className="text-xs text-slate-500">
        {approval.requestedByName ?? "—"} 于 {beijingTime(approval.requestedAt).slice(0, 16)} 提交
        {approval.firstApprovedByName ? ` · ${approval.firstApprovedByName} 已审核` : ""}
        {approval.decidedByName && approval.status !== "pending" ? ` · ${approval.decidedByName}${approval.status === "approved" ? "批准" : "退回"}（${approval.decidedDate}）` : ""}
      </p>
      {approval.kind === "reply" ? (
        <dl className="space-y-1">
          <div>
            <dt className="inline text-slate-500">办理结果：</dt>
            <dd className="inline" data-testid="approval-outcome">
              {OUTCOME_LABELS[p.outcome as Outcome]}
            </dd>
          </div>
          <div>
            <dt className="inline text-slate-500">法律依据：</dt>
            <dd className="inline">{String(p.legalBasis ?? "")}</dd>
          </div>
          <div>
            <dt className="text-slate-500">答复意见：</dt>
            <dd className="whitespace-pre-wrap break-words rounded bg-slate-50 p-2">{String(p.replyText ?? "")}</dd>
          </div>
        </dl>
      ) : approval.kind === "extension" ? (
        <p>延长答复期限 {String(p.extensionDays)} 个工作日。理由：{approval.reason}</p>
      ) : approval.kind === "delay" ? (
        <p>
          依条例第三十五条延迟至 {String(p.delayedReplyDate)} 答复。理由：{approval.reason}
        </p>
      ) : (
        <p>作废理由：{approval.reason}</p>
      )}
      {approval.status === "returned" && approval.returnReason ? <p className="rounded bg-red-50 px-2 py-1 text-red-800">退回理由：{approval.returnReason}</p> : null}
      {children}
    </article>
  );
}
