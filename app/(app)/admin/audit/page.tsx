import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell";
import { AUDIT_PAGE_SIZE, listAuditRows } from "@/lib/audit/queries";
import { AUDIT_ACTION_LABELS, AUDIT_OBJECT_LABELS, AUDIT_RESULT_LABELS, beijingTime } from "@/lib/audit/labels";
import { auditQuerySchema } from "@/lib/audit/schemas";
import { describeFinding, verifyAudit } from "@/lib/audit/verify";
import { requirePagePermission, toActor } from "@/lib/auth/current";
import { firstValues } from "@/lib/validation";

export const metadata: Metadata = { title: "审计日志" };


export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("audit.read");
  const params = firstValues(await searchParams);
  const { page } = auditQuerySchema.parse(params);
  const { rows, total } = listAuditRows(toActor(user), page);
  // A page view verifies the rows after the last checkpoint; the button re-reads every row.
  const check = verifyAudit({ full: params.verify === "full", writeCheckpoint: true });
  return (
    <>
      <PageHeader title="审计日志" description={`共 ${total} 条记录。每条记录以密钥签名并含上一条的签名，最新一条另记于数据库之外，任何修改、删除或截断都会被发现。`} />
      <div
        data-testid="audit-chain"
        className={`mb-4 rounded border px-3 py-2 text-sm ${check.ok ? "border-green-300 bg-green-50 text-green-800" : "border-red-300 bg-red-50 text-red-800"}`}
      >
        {check.ok ? (
          <p>
            完整性校验通过：审计链完整（{check.full ? `完整校验 ${check.rows} 条` : `自上次校验点起校验 ${check.checked} 条`}）
          </p>
        ) : (
          <>
            <p>完整性校验失败：</p>
            <ul className="list-disc pl-5">
              {check.findings.map((f) => (
                <li key={describeFinding(f).en}>{describeFinding(f).zh}</li>
              ))}
            </ul>
          </>
        )}
        <form method="get" className="mt-2">
          <button type="submit" name="verify" value="full" className="rounded border border-slate-300 bg-white px-2 py-1 text-slate-700">
            完整校验全部记录
          </button>
        </form>
      </div>
      <table className="w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b border-slate-300 bg-slate-100 text-left">
            <th className="px-3 py-2 font-medium">序号</th>
            <th className="px-3 py-2 font-medium">时间（北京时间）</th>
            <th className="px-3 py-2 font-medium">操作人</th>
            <th className="px-3 py-2 font-medium">操作</th>
            <th className="px-3 py-2 font-medium">对象</th>
            <th className="px-3 py-2 font-medium">结果</th>
            <th className="px-3 py-2 font-medium">变更</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-200 align-top">
              <td className="px-3 py-1.5 text-slate-500">{r.id}</td>
              <td className="whitespace-nowrap px-3 py-1.5">{beijingTime(r.at)}</td>
              <td className="px-3 py-1.5">
                {r.actorName}
              </td>
              <td className="px-3 py-1.5" title={r.action}>
                {AUDIT_ACTION_LABELS[r.action] ?? r.action}
              </td>
              <td className="px-3 py-1.5">{AUDIT_OBJECT_LABELS[r.objectType] ?? r.objectType}</td>
              <td className="px-3 py-1.5">{AUDIT_RESULT_LABELS[r.result] ?? r.result}</td>
              <td className="max-w-md break-all px-3 py-1.5 font-mono text-xs text-slate-600">{r.hidden ? <span className="font-sans text-slate-400">（内容不向本角色显示）</span> : r.changes}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-3 flex gap-3 text-sm">
        {page > 1 ? <a href={`?page=${page - 1}`}>上一页</a> : null}
        {page * AUDIT_PAGE_SIZE < total ? <a href={`?page=${page + 1}`}>下一页</a> : null}
      </div>
    </>
  );
}
