import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell";
import { beijingTime } from "@/lib/audit/labels";
import { requirePagePermission, toActor } from "@/lib/auth/current";
import { APPROVAL_KIND_LABELS, APPROVAL_LEVEL_LABELS } from "@/lib/requests/codes";
import { approvalsAwaiting } from "@/lib/work/queries";

export const metadata: Metadata = { title: "待我审批" };

export default async function ApprovalsPage() {
  const user = await requirePagePermission("requests.approve");
  const rows = approvalsAwaiting(toActor(user));
  return (
    <>
      <PageHeader title="待我审批" description="本机关提交审核、签发的答复，延期、延迟答复和作废申请。本人提交的事项由其他负责人审批。" />
      <table className="register w-full border-collapse bg-white text-sm" data-testid="approvals-table">
        <thead>
          <tr>
            <th>事项</th>
            <th>环节</th>
            <th>编号</th>
            <th>申请人</th>
            <th>申请内容</th>
            <th>提交人</th>
            <th>提交时间</th>
            <th>答复期限</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id} data-approval-id={a.id}>
              <td className="nw">
                <Link href={`/approvals/${a.id}`} prefetch={false} className="serial">
                  {APPROVAL_KIND_LABELS[a.kind]}
                </Link>
              </td>
              <td className="nw">{APPROVAL_LEVEL_LABELS[a.levelsDone] ?? "审核"}</td>
              <td className="nw">{a.serial}</td>
              <td>{a.applicantName}</td>
              <td className="content" title={a.content}>
                {a.content}
              </td>
              <td className="nw">{a.requestedByName}</td>
              <td className="nw">{beijingTime(a.requestedAt).slice(0, 16)}</td>
              <td className="nw">{a.dueDate ?? ""}</td>
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={8} className="empty">
                没有待您审批的事项
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </>
  );
}
