import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell";
import { agencyDeadline, APPEAL_KIND_LABELS, APPEAL_RESULT_LABELS } from "@/lib/appeals/codes";
import { listAppeals } from "@/lib/appeals/service";
import { requirePagePermission, toActor } from "@/lib/auth/current";

export const metadata: Metadata = { title: "复议诉讼" };

export default async function AppealsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePagePermission("appeals.read");
  const filter = await searchParams;
  const drill = Boolean(filter.group);
  const rows = listAppeals(toActor(user), filter);
  const field = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";
  return (
    <>
      <PageHeader title="行政复议、行政诉讼案件" description="本机关作为被申请人或被告的政府信息公开案件。导入：npm run cli -- import appeals" />
      {drill ? (
        <p className="mb-3 text-sm text-slate-700" data-testid="appeals-count">
          年度报告第四部分所计的案件：共 {rows.length} 件。
          <Link href="/appeals" className="ml-2 text-brand-700 underline">
            查看全部
          </Link>
        </p>
      ) : null}
      <form method="get" role="search" aria-label="筛选案件" className="mb-4 flex items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-600">类型</span>
          <select name="kind" defaultValue={filter.kind ?? ""} className={field}>
            <option value="">全部</option>
            <option value="review">行政复议</option>
            <option value="suit">行政诉讼</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-600">结果</span>
          <select name="result" defaultValue={filter.result ?? ""} className={field}>
            <option value="">全部</option>
            {Object.entries(APPEAL_RESULT_LABELS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-brand-600 px-3 py-1 text-white hover:bg-brand-700">
          查询
        </button>
      </form>
      <table className="w-full border-collapse bg-white text-sm" data-testid="appeals-table">
        <thead>
          <tr className="border-b border-slate-300 bg-slate-100 text-left">
            <th className="px-2 py-2 font-medium">案号</th>
            <th className="px-2 py-2 font-medium">类型</th>
            <th className="px-2 py-2 font-medium">申请编号</th>
            <th className="px-2 py-2 font-medium">收案日期</th>
            <th className="px-2 py-2 font-medium">本机关期限</th>
            <th className="px-2 py-2 font-medium">决定类型</th>
            <th className="px-2 py-2 font-medium">结果</th>
            <th className="px-2 py-2 font-medium">审结日期</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id} data-appeal-id={a.id} className="border-b border-slate-200">
              <td className="px-2 py-1.5">{a.caseNumber}</td>
              <td className="px-2 py-1.5">
                {APPEAL_KIND_LABELS[a.kind]}
                {a.kind === "suit" ? <span className="ml-1 text-xs text-slate-500">{a.afterReview ? "复议后起诉" : "未经复议直接起诉"}</span> : null}
              </td>
              <td className="px-2 py-1.5">
                <Link href={`/requests/${a.requestId}`} className="font-mono text-brand-700 underline">
                  {a.requestSerial}
                </Link>
              </td>
              <td className="px-2 py-1.5">{a.filedDate}</td>
              <td className="px-2 py-1.5 text-slate-600">
                {agencyDeadline(a.kind, a.filedDate)}
              </td>
              <td className="px-2 py-1.5">{a.decision ?? ""}</td>
              <td className="px-2 py-1.5">{APPEAL_RESULT_LABELS[a.result]}</td>
              <td className="px-2 py-1.5">{a.decidedDate ?? ""}</td>
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={8} className="px-3 py-8 text-center text-slate-500">
                没有案件
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </>
  );
}
