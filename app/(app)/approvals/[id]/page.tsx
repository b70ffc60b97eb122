import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/app-shell";
import { ApprovalCard } from "@/components/requests/approval-card";
import { StatusBadge } from "@/components/requests/badges";
import { DecisionForm } from "@/components/requests/work-forms";
import { requirePagePermission, toActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { APPLICANT_TYPE_LABELS, APPROVAL_KIND_LABELS, APPROVAL_LEVEL_LABELS } from "@/lib/requests/codes";
import { getRequest } from "@/lib/requests/queries";
import { approvalIdSchema } from "@/lib/work/schemas";
import { getApproval } from "@/lib/work/queries";
import { decideApprovalAction } from "../../requests/work-actions";

export const metadata: Metadata = { title: "审批" };

/** 审批单: the request in brief, what is proposed, and the decision (审核 or 签发). */
export default async function ApprovalPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("requests.read");
  const actor = toActor(user);
  const { id } = await params;
  if (!approvalIdSchema.safeParse(id).success) notFound();
  let approval;
  let request;
  try {
    approval = getApproval(actor, id);
    request = getRequest(actor, approval.requestId);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const level = APPROVAL_LEVEL_LABELS[approval.levelsDone] ?? "审核";
  return (
    <>
      <PageHeader title={`${APPROVAL_KIND_LABELS[approval.kind]} · ${request.serial}`} description={`${request.agencyName} · 收到申请之日 ${request.receivedDate}${request.dueDate ? ` · 答复期限 ${request.dueDate}` : ""}`}>
        <div className="flex items-center gap-3">
          <StatusBadge status={request.status} />
          <Link href={`/requests/${request.id}`} className="text-sm text-brand-700 underline">
            查看申请详情
          </Link>
        </div>
      </PageHeader>
      <div className="grid grid-cols-[1fr_22rem] items-start gap-5">
        <div className="space-y-5">
          <section className="rounded border border-slate-200 bg-white p-4 text-sm">
            <h2 className="mb-2 font-semibold">申请</h2>
            <p>
              <span className="text-slate-500">申请人：</span>
              {request.applicantName}（{APPLICANT_TYPE_LABELS[request.applicantType]}）
            </p>
            <p className="mt-1 whitespace-pre-wrap break-words">
              <span className="text-slate-500">申请内容：</span>
              {request.content}
            </p>
            <p className="mt-1">
              <span className="text-slate-500">承办人：</span>
              {request.handlerName ?? "—"}
            </p>
          </section>
          <ApprovalCard approval={approval} />
        </div>
        <aside>
          <section className="rounded border border-slate-200 bg-white p-4">
            {approval.mayDecide ? (
              <>
                <h2 className="mb-3 font-semibold">{level}</h2>
                <DecisionForm action={decideApprovalAction.bind(null, approval.id)} approvalVersion={approval.version} level={level} />
              </>
            ) : (
              <p className="text-sm text-slate-600">{approval.refusal}</p>
            )}
          </section>
        </aside>
      </div>
    </>
  );
}
