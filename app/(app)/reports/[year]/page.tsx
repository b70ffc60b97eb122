import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/app-shell";
import { AppealsTable, ApplicationsTable, ProactiveTable } from "@/components/reports/tables";
import { requirePagePermission, toActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { appealCellHref, applicationCellHref } from "@/lib/reports/drilldown";
import { computeReport } from "@/lib/reports/engine";
import { PERIOD_CODES, periodOf } from "@/lib/reports/periods";

export const metadata: Metadata = { title: "年度报告" };

export default async function ReportPage({ params, searchParams }: { params: Promise<{ year: string }>; searchParams: Promise<{ children?: string; period?: string }> }) {
  const user = await requirePagePermission("reports.read");
  const { year: yearParam } = await params;
  const { children, period: periodCode } = await searchParams;
  if (!/^\d{4}$/.test(yearParam)) notFound();
  const year = Number(yearParam);
  const includeChildren = children === "1";
  const chosen = periodOf(year, periodCode);
  let report;
  try {
    report = computeReport(toActor(user), { agencyCode: user.agencyCode, year, includeChildren, period: chosen.period });
  } catch (error) {
    if (isAppError(error)) notFound();
    throw error;
  }
  const failing = report.checks.filter((c) => !c.ok);
  return (
    <>
      <PageHeader title={`${report.agency.name}${year}年政府信息公开工作年度报告`} description={`统计期限：${report.period.from} 至 ${report.period.to}${includeChildren ? "（含下级机构）" : ""}`}>
        <div className="flex items-center gap-3 text-sm">
          {can(user.role, "reports.edit") ? (
            <Link href={`/reports/${year}/figures`} className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100">
              录入第二部分数据
            </Link>
          ) : null}
          {(["xlsx", "html", "csv", "json"] as const).map((format) => (
            <a key={format} href={`/reports/${year}/export?format=${format}${includeChildren ? "&children=1" : ""}`} download className="text-brand-700 underline">
              {format.toUpperCase()}
            </a>
          ))}
          <Link href={`/reports/${year - 1}`} className="text-brand-700 underline">
            {year - 1}年
          </Link>
          <Link href={`/reports/${year + 1}`} className="text-brand-700 underline">
            {year + 1}年
          </Link>
          <Link href={`/reports/${year}${includeChildren ? "" : "?children=1"}`} className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100">
            {includeChildren ? "仅本机关" : "含下级机构"}
          </Link>
        </div>
      </PageHeader>
      <form method="get" className="mb-4 flex items-center gap-2 text-sm" aria-label="统计期间">
        {includeChildren ? <input type="hidden" name="children" value="1" /> : null}
        <label htmlFor="period">统计期间</label>
        <select id="period" name="period" defaultValue={chosen.code} className="rounded border border-slate-300 bg-white px-2 py-1">
          {PERIOD_CODES.map((code) => (
            <option key={code} value={code}>
              {periodOf(year, code).label}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100">
          切换
        </button>
        {chosen.code !== "year" ? <span className="text-amber-700">内部统计：非年度期间的表格不用于公开的年度报告。</span> : null}
      </form>
      <section className="mb-6" aria-label="勾稽检查">
        <h2 className="mb-2 font-semibold">勾稽检查</h2>
        <ul className="space-y-1 text-sm" data-testid="checks">
          {report.checks.map((c) => (
            <li key={c.id} data-check={c.id} data-ok={c.ok} className={c.ok ? "text-green-800" : c.severity === "error" ? "text-red-700" : "text-amber-700"}>
              {c.ok ? "✓" : c.severity === "error" ? "✗" : "!"} {c.message}
            </li>
          ))}
        </ul>
        {failing.length === 0 ? null : <p className="mt-1 text-xs text-slate-500">✗ 为必须纠正的错误；! 为需要核对的提醒。</p>}
      </section>
      <div className="space-y-8">
        <ProactiveTable proactive={report.proactive} />
        <ApplicationsTable
          applications={report.applications}
          cellHref={includeChildren && user.role === "clerk" ? undefined : (row, column) => applicationCellHref(row, column, report.period, includeChildren ? undefined : report.agency.code)}
        />
        <AppealsTable
          appeals={report.appeals}
          cellHref={includeChildren && user.role === "clerk" ? undefined : (group, column) => appealCellHref(group, column, report.period, includeChildren ? undefined : report.agency.code)}
        />
        <p className="text-sm" data-testid="fees">
          六、其他需要报告的事项：本年度收取信息处理费 {report.fees.applications} 件，金额 {report.fees.amount_yuan} 元。
        </p>
      </div>
    </>
  );
}
