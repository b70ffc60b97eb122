import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/app-shell";
import { StatusBadge } from "@/components/requests/badges";
import { ConcludeForm, WithdrawForm } from "@/components/requests/conclude-form";
import { AppealForm } from "@/components/appeals/appeal-form";
import { AppealsTable } from "@/components/appeals/appeals-table";
import { listAppealsOfRequest } from "@/lib/appeals/queries";
import { beijingTime } from "@/lib/audit/labels";
import { requirePagePermission, toActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { todayInChina } from "@/lib/time";
import { isAppError } from "@/lib/errors";
import { APPLICANT_TYPE_LABELS, CHANNEL_LABELS, DELIVERY_METHOD_LABELS, EVENT_KINDS, REQUESTED_FORM_LABELS } from "@/lib/requests/codes";
import { OUTCOME_LABELS } from "@/lib/requests/outcomes";
import { requestIdSchema } from "@/lib/requests/schemas";
import { getRequest, listTimeline } from "@/lib/requests/queries";
import { concludeRequestAction, saveAppealAction, withdrawRequestAction } from "../actions";
import { addPauseAction, delayAction, deliveryAction, endPauseAction, extensionAction, removePauseAction, supplementedAction, supplementNoticeAction } from "../clock-actions";
import { ClockPanel } from "@/components/requests/clock-panel";
import { getRequestClock } from "@/lib/clock/queries";
import { ApprovalCard } from "@/components/requests/approval-card";
import { AcceptForm, AssignForm, DecisionForm, DelayRequestForm, DraftForm, ExtensionRequestForm, VoidRequestForm } from "@/components/requests/work-forms";
import { APPROVAL_LEVEL_LABELS } from "@/lib/requests/codes";
import { ABANDONMENT_OUTCOMES, LEGAL_BASIS } from "@/lib/requests/outcomes";
import { listHandlerChoices } from "@/lib/users/queries";
import { agencySettings } from "@/lib/agencies/settings";
import { approvalsOfRequest } from "@/lib/work/queries";
import type { ReplyProposal } from "@/lib/work/schemas";
import { acceptAction, assignAction, decideApprovalAction, delayRequestAction, draftAction, extensionRequestAction, returnAssignmentAction, voidRequestAction } from "../work-actions";

export const metadata: Metadata = { title: "申请详情" };

const SAVED: Record<string, string> = {
  created: "已登记",
  updated: "已保存修改",
  concluded: "已办结",
  withdrawn: "已登记撤回并办结",
  paused: "已登记中止计算，答复期限已重新计算",
  pause_ended: "已登记中止结束，答复期限已重新计算",
  appeal: "已保存案件",
  pause_removed: "已撤销中止记录，答复期限已重新计算",
  extended: "已登记延期，答复期限已重新计算",
  delayed: "已登记延迟答复期限",
  supplement_notice: "已登记告知补正",
  supplemented: "已登记收到补正，答复期限重新起算",
  delivered: "已登记送达",
  assigned: "已分办",
  accepted: "已签收",
  assignment_returned: "已退回分办",
  submitted: "已提交审核",
  extension_requested: "已提交延期申请，待审核负责人批准",
  delay_requested: "已提交延迟答复申请，待审核负责人批准",
  void_requested: "已提交作废申请，待审核负责人批准",
  approved: "已批准",
  approval_step: "已审核，待签发",
  approval_returned: "已退回修改",
};

function Item({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-3" : undefined}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 whitespace-pre-wrap break-words text-sm text-slate-900">{children || <span className="text-slate-400">—</span>}</dd>
    </div>
  );
}

export default async function RequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string | string[]; appeal?: string | string[] }> }) {
  const user = await requirePagePermission("requests.read");
  const actor = toActor(user);
  const { id } = await params;
  if (!requestIdSchema.safeParse(id).success) notFound();
  const { saved, appeal } = await searchParams;
  // Own keys only: `?saved=constructor` must not reach Object.prototype.
  const savedMessage = typeof saved === "string" && Object.hasOwn(SAVED, saved) ? SAVED[saved] : null;
  const editing = typeof appeal === "string" ? appeal : undefined;
  let request;
  try {
    request = getRequest(actor, id, { revealPii: true });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const timeline = listTimeline(actor, id);
  const cases = listAppealsOfRequest(actor, id);
  const mayRecordAppeals = can(user.role, "requests.decide") && can(user.role, "appeals.write");
  const edited = mayRecordAppeals ? cases.find((c) => c.id === editing) : undefined;
  const today = todayInChina();
  const mayDecide = can(user.role, "requests.decide");
  const { clock, pauses, left } = getRequestClock(actor, request, today);
  // The work (A8): what this user may do on this request now. The actions check it all again.
  const approvals = approvalsOfRequest(actor, id);
  const pending = approvals.filter((a) => a.status === "pending");
  const writable = request.agencyId === user.agencyId && can(user.role, "requests.write");
  const open = !request.outcome && !request.voidedAt;
  const isHandler = request.handlerUserId === user.id;
  const accepted = Boolean(request.acceptedAt);
  const mayAssign = open && writable && can(user.role, "requests.assign");
  const handlers = mayAssign ? listHandlerChoices(actor) : [];
  const mayDraft = open && writable && isHandler && accepted && !pending.some((a) => a.kind === "reply");
  const mayAskTime = open && writable && isHandler && accepted;
  const mayAskVoid = !request.voidedAt && writable && !pending.some((a) => a.kind === "void");
  const lastReturnedDraft = approvals.find((a) => a.kind === "reply");
  const clockActions = writable && !request.voidedAt && can(user.role, "requests.write")
    ? {
        addPause: addPauseAction.bind(null, id),
        endPause: endPauseAction.bind(null, id),
        removePause: removePauseAction.bind(null, id),
        extension: can(user.role, "extensions.approve") ? extensionAction.bind(null, id) : undefined,
        delay: can(user.role, "extensions.approve") ? delayAction.bind(null, id) : undefined,
        supplementNotice: supplementNoticeAction.bind(null, id),
        supplemented: supplementedAction.bind(null, id),
        delivery: deliveryAction.bind(null, id),
      }
    : undefined;

  return (
    <>
      <PageHeader title={`申请 ${request.serial}`} description={`${request.agencyName} · 收到申请之日 ${request.receivedDate}${clock.state === "running" && clock.due ? ` · 答复期限 ${clock.due.date}${clock.due.provisional ? "（暂定）" : ""}` : ""}`}>
        <div className="flex items-center gap-3">
          <StatusBadge status={request.status} testId="status-badge" />
          {writable && !request.voidedAt ? (
            <Link href={`/requests/${id}/edit`} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
              编辑登记信息
            </Link>
          ) : null}
          <Link href="/requests" className="text-sm text-brand-700 underline">
            返回登记簿
          </Link>
        </div>
      </PageHeader>
      {savedMessage ? (
        <p data-testid="form-success" className="mb-4 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
          {savedMessage}
        </p>
      ) : null}

      {request.voidedAt ? (
        <p data-testid="voided" className="mb-4 rounded border border-slate-300 bg-slate-100 px-3 py-2 text-sm text-slate-800">
          此申请已作废，不计入任何统计：{request.voidReason}
        </p>
      ) : null}

      <div className="grid grid-cols-[1fr_22rem] items-start gap-5">
        <div className="space-y-5">
          {approvals.length > 0 ? (
            <section className="space-y-3 rounded border border-slate-200 bg-white p-4" aria-label="审批">
              <h2 className="font-semibold">审批</h2>
              {approvals.map((a) => (
                <ApprovalCard key={a.id} approval={a}>
                  {a.mayDecide ? <DecisionForm action={decideApprovalAction.bind(null, a.id)} approvalVersion={a.version} level={APPROVAL_LEVEL_LABELS[a.levelsDone] ?? "审核"} /> : null}
                </ApprovalCard>
              ))}
            </section>
          ) : null}

          <section className="rounded border border-slate-200 bg-white p-4">
            <h2 className="mb-3 font-semibold">申请人</h2>
            <dl className="grid grid-cols-3 gap-x-5 gap-y-3">
              <Item label="姓名或名称">{request.applicantName}</Item>
              <Item label="申请人类型">{APPLICANT_TYPE_LABELS[request.applicantType]}</Item>
              <Item label="证件号码">
                <span data-testid="id-number">{request.idNumber}</span>
              </Item>
              <Item label="统一社会信用代码">{request.creditCode}</Item>
              <Item label="联系电话">
                <span data-testid="phone">{request.phone}</span>
              </Item>
              <Item label="电子邮箱">{request.email}</Item>
              <Item label="联系地址" wide>
                {request.address}
              </Item>
            </dl>
            {!request.piiRevealed ? <p className="mt-2 text-xs text-slate-500">您的角色只能查看脱敏后的个人信息。</p> : null}
          </section>

          <section className="rounded border border-slate-200 bg-white p-4">
            <h2 className="mb-3 font-semibold">申请</h2>
            <dl className="grid grid-cols-3 gap-x-5 gap-y-3">
              <Item label="编号">{request.serial}</Item>
              <Item label="申请方式">{request.channel ? CHANNEL_LABELS[request.channel] : ""}</Item>
              <Item label="收到申请之日">
                {request.receivedDate}
                {request.receivedDateReason ? <span className="block text-xs text-slate-500">更正理由：{request.receivedDateReason}</span> : null}
              </Item>
              <Item label="收到（签收/提交）日期">{request.arrivedDate}</Item>
              <Item label="双方确认日期">{request.confirmedDate}</Item>
              <Item label="承办人">{request.handlerName ? <span data-testid="handler">{request.handlerName}</span> : null}</Item>
              <Item label="申请内容" wide>
                {request.content}
              </Item>
              <Item label="提供形式">{request.requestedForm ? REQUESTED_FORM_LABELS[request.requestedForm as keyof typeof REQUESTED_FORM_LABELS] : ""}</Item>
              <Item label="获取方式">{request.deliveryMethod ? DELIVERY_METHOD_LABELS[request.deliveryMethod as keyof typeof DELIVERY_METHOD_LABELS] : ""}</Item>
              <Item label="备注" wide>
                {request.notes}
              </Item>
            </dl>
          </section>

          <ClockPanel clock={clock} left={left} pauses={pauses} facts={request} actions={clockActions} today={today} />

          <section className="rounded border border-slate-200 bg-white p-4">
            <h2 className="mb-3 font-semibold">办理结果</h2>
            <dl className="grid grid-cols-3 gap-x-5 gap-y-3">
              <Item label="办理结果" wide>
                <span data-testid="outcome">{request.outcome ? OUTCOME_LABELS[request.outcome] : "尚未办结"}</span>
              </Item>
              <Item label="办结日期">{request.concludedDate}</Item>
              <Item label="答复文号">{request.replyNumber}</Item>
              <Item label="信息处理费">{request.feeYuan ? `${request.feeYuan} 元${request.feePaidDate ? `（${request.feePaidDate} 缴纳）` : ""}` : ""}</Item>
            </dl>
          </section>

          <section className="rounded border border-slate-200 bg-white p-4" aria-label="复议诉讼">
            <h2 className="mb-3 font-semibold">行政复议、行政诉讼</h2>
            <AppealsTable rows={cases} testId="request-appeals" editBase={mayRecordAppeals ? `/requests/${id}` : undefined} />
          </section>

          <section className="rounded border border-slate-200 bg-white p-4">
            <h2 className="mb-3 font-semibold">办理记录</h2>
            <ol className="space-y-2 text-sm" data-testid="timeline">
              {timeline.map((e) => (
                <li key={e.id} className="flex gap-3" data-kind={e.kind}>
                  <span className="whitespace-nowrap text-slate-500">{beijingTime(e.at).slice(0, 16)}</span>
                  <span className="whitespace-nowrap text-slate-600">{e.actorName || e.actor || "系统"}</span>
                  <span className="h-fit whitespace-nowrap rounded bg-slate-100 px-1.5 text-xs leading-5 text-slate-700">{EVENT_KINDS[e.kind].label}</span>
                  <span>{e.summary}</span>
                </li>
              ))}
            </ol>
          </section>
        </div>

        {mayDecide && !request.voidedAt ? (
          <aside className="space-y-5">
            {mayAssign ? (
              <section className="rounded border border-slate-200 bg-white p-4">
                <h2 className="mb-1 font-semibold">{request.handlerUserId ? "改派" : "分办"}</h2>
                <p className="mb-3 text-xs text-slate-500">{request.handlerUserId ? `现承办人：${request.handlerName ?? ""}${accepted ? "（已签收）" : "（待签收）"}` : "尚未分办"}</p>
                <AssignForm action={assignAction.bind(null, id)} version={request.version} handlers={handlers} current={request.handlerUserId} />
              </section>
            ) : null}
            {open && writable && isHandler && !accepted ? (
              <section className="rounded border border-amber-300 bg-amber-50 p-4">
                <h2 className="mb-3 font-semibold">签收</h2>
                <AcceptForm accept={acceptAction.bind(null, id)} giveBack={returnAssignmentAction.bind(null, id)} version={request.version} />
              </section>
            ) : null}
            {mayDraft ? (
              <section className="rounded border border-slate-200 bg-white p-4">
                <h2 className="mb-1 font-semibold">拟办</h2>
                <p className="mb-3 text-xs text-slate-500">答复经{agencySettings(request.agencyId).approvalLevels === 2 ? "审核、签发" : "审核"}后出具，批准之日为办结日期。</p>
                <DraftForm
                  action={draftAction.bind(null, id)}
                  version={request.version}
                  legalBasis={LEGAL_BASIS}
                  previous={lastReturnedDraft?.status === "returned" ? (lastReturnedDraft.proposal as ReplyProposal) : undefined}
                />
              </section>
            ) : null}
            {mayAskTime && !pending.some((a) => a.kind === "extension") && request.extensionDays === 0 ? (
              <section className="rounded border border-slate-200 bg-white p-4">
                <h2 className="mb-1 font-semibold">申请延期</h2>
                <p className="mb-3 text-xs text-slate-500">条例第三十三条：须在原答复期限届满前经批准，延长不超过 20 个工作日。</p>
                <ExtensionRequestForm action={extensionRequestAction.bind(null, id)} version={request.version} />
              </section>
            ) : null}
            {mayAskTime && !pending.some((a) => a.kind === "delay") && !request.delayedReplyDate ? (
              <details className="rounded border border-slate-200 bg-white p-4">
                <summary className="cursor-pointer font-semibold">申请延迟答复（条例第三十五条）</summary>
                <div className="mt-3">
                  <DelayRequestForm action={delayRequestAction.bind(null, id)} version={request.version} />
                </div>
              </details>
            ) : null}
            {can(user.role, "requests.approve") || !request.outcome ? (
              <section className="rounded border border-slate-200 bg-white p-4">
                <h2 className="mb-1 font-semibold">{request.outcome ? "更正办理结果" : can(user.role, "requests.approve") ? "补录办理结果" : "视为放弃"}</h2>
                <p className="mb-3 text-xs text-slate-500">
                  {can(user.role, "requests.approve")
                    ? "登记系统外已出具的答复，或更正已办结申请的结果。"
                    : "逾期未补正、逾期未缴费的，由承办人在此办结；答复请通过“拟办”提交审核。"}
                </p>
                <ConcludeForm
                  action={concludeRequestAction.bind(null, id)}
                  version={request.version}
                  current={request}
                  today={today}
                  allowed={can(user.role, "requests.approve") ? undefined : ABANDONMENT_OUTCOMES}
                  dateLabel={can(user.role, "requests.approve") ? undefined : "办结日期（登记视为放弃之日）"}
                />
              </section>
            ) : null}
            {mayRecordAppeals ? (
              <section className="rounded border border-slate-200 bg-white p-4" id="appeal-form">
                {edited ? (
                  <div className="mb-3 flex items-baseline justify-between gap-2">
                    <h2 className="font-semibold">修改案件 {edited.caseNumber}</h2>
                    <Link href={`/requests/${id}`} className="text-sm text-brand-700 underline">
                      取消
                    </Link>
                  </div>
                ) : (
                  <h2 className="mb-3 font-semibold">登记复议诉讼案件</h2>
                )}
                <AppealForm key={edited ? `${edited.id}-${edited.version}` : "new"} action={saveAppealAction.bind(null, id)} appeal={edited} />
              </section>
            ) : null}
            {!request.outcome ? (
              <section className="rounded border border-slate-200 bg-white p-4">
                <h2 className="mb-1 font-semibold">申请人撤回</h2>
                <p className="mb-3 text-xs text-slate-500">撤回的申请按“其他处理·其他”计，办结日期为收到撤回之日。</p>
                <WithdrawForm action={withdrawRequestAction.bind(null, id)} version={request.version} today={today} />
              </section>
            ) : null}
            {mayAskVoid ? (
              <details className="rounded border border-slate-200 bg-white p-4">
                <summary className="cursor-pointer font-semibold text-red-700">作废</summary>
                <p className="my-2 text-xs text-slate-500">误登记的（重复登记、测试、并非申请）经审核负责人批准后作废，不计入任何统计，记录保留。申请人撤回请用“申请人撤回”。</p>
                <VoidRequestForm action={voidRequestAction.bind(null, id)} version={request.version} />
              </details>
            ) : null}
          </aside>
        ) : null}
      </div>
    </>
  );
}
