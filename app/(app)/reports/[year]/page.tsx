import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { PageHeader } from "@/components/app-shell";
import { StatutoryTable } from "@/components/reports/tables";
import { requirePagePermission, toActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { appealCellHref, applicationCellHref } from "@/lib/reports/drilldown";
import { FinalizeForm, NarrativeForm } from "@/components/reports/annual-forms";
import { beijingTime } from "@/lib/audit/labels";
import { diffReport, getNarrative, latestSnapshot } from "@/lib/reports/annual";
import { computeReport, mayIncludeChildren } from "@/lib/reports/engine";
import { reportGrid } from "@/lib/reports/grid";
import { reportJson } from "@/lib/reports/json";
import { APPEAL_COLUMN_LABELS, APPLICATION_COLUMN_LABELS, APPLICATION_ROWS } from "@/lib/reports/layout";
import { PLACEHOLDER_NAMES, renderNarrativeSections } from "@/lib/reports/narrative";
import { finalizeAction, saveNarrativeAction } from "../actions";
import { PERIOD_CODES, periodOf } from "@/lib/reports/periods";
import { reportQuerySchema } from "@/lib/reports/schemas";
import { firstValues, yearSchema } from "@/lib/validation";

export const metadata: Metadata = { title: "年度报告" };

export default async function ReportPage({ params, searchParams }: { params: Promise<{ year: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("reports.read");
  const { year: yearParam } = await params;
  const parsedYear = yearSchema.safeParse(yearParam);
  if (!parsedYear.success) notFound();
  const year = parsedYear.data;
  const { children: includeChildren, period: periodCode } = reportQuerySchema.parse(firstValues(await searchParams));
  const chosen = periodOf(year, periodCode);
  let report;
  try {
    report = computeReport(toActor(user), { agencyCode: user.agencyCode, year, includeChildren, period: chosen.period });
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    if (isAppError(error)) notFound();
    throw error;
  }
  const failing = report.checks.filter((c) => !c.ok);
  const actor = toActor(user);
  const isYear = chosen.code === "year";
  const narrative = getNarrative(actor, user.agencyCode, year);
  const rendered = renderNarrativeSections(narrative, report);
  const snapshot = isYear ? latestSnapshot(actor, user.agencyCode, year, includeChildren) : null;
  const diffs = snapshot ? diffReport(snapshot.report, reportJson(report)) : [];
  return (
    <>
      <PageHeader title={`${report.agency.name}${year}年政府信息公开工作年度报告`} description={`统计期限：${report.period.from} 至 ${report.period.to}${includeChildren ? "（含下级机构）" : ""}`}>
        <div className="flex items-center gap-3 text-sm">
          {can(user.role, "reports.edit") ? (
            <Link href={`/reports/${year}/figures`} className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100">
              录入第二部分数据
            </Link>
          ) : null}
          <a href={`/reports/${year}/export?format=html${includeChildren ? "&children=1" : ""}`} target="_blank" rel="noopener" className="text-brand-700 underline">
            打印预览
          </a>
          {(["docx", "xlsx", "html", "csv", "json"] as const).map((format) => (
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
          {includeChildren || mayIncludeChildren(actor, user.agencyCode) ? (
            <Link href={`/reports/${year}${includeChildren ? "" : "?children=1"}`} className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100">
              {includeChildren ? "仅本机关" : "含下级机构"}
            </Link>
          ) : null}
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
      {snapshot ? (
        <section
          data-testid={diffs.length ? "outdated" : "finalized"}
          className={`mb-6 rounded border px-3 py-2 text-sm ${diffs.length ? "border-amber-300 bg-amber-50 text-amber-900" : "border-green-300 bg-green-50 text-green-900"}`}
        >
          <p>
            已于 {beijingTime(snapshot.frozenAt).slice(0, 16)} 由 {snapshot.frozenBy} 定稿
            {snapshot.overrideReason ? `（检查未通过，理由：${snapshot.overrideReason}）` : ""}。
            {diffs.length ? ` 定稿后记录有变化，定稿版本已过时，${diffs.length} 个单元格不同：` : " 记录与定稿版本一致。"}
            <span className="ml-2">
              定稿版本下载：
              {(["docx", "xlsx", "html"] as const).map((format) => (
                <a key={format} href={`/reports/${year}/export?format=${format}&source=snapshot${includeChildren ? "&children=1" : ""}`} className="ml-1 underline">
                  {format.toUpperCase()}
                </a>
              ))}
            </span>
          </p>
          {diffs.length ? (
            <ul className="mt-1 list-disc pl-5">
              {diffs.slice(0, 20).map((d) => (
                <li key={`${d.table}-${d.row}-${d.column}`}>
                  {d.table === "applications" ? (APPLICATION_ROWS.find((r) => r.code === d.row)?.label ?? d.row) : d.row} · {d.table === "applications" ? APPLICATION_COLUMN_LABELS[d.column] : APPEAL_COLUMN_LABELS[d.column]}：定稿 {d.frozen}，现在 {d.now}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      <div className="space-y-8">
        <section aria-label="正文预览" className="space-y-2 text-sm leading-7" data-testid="narrative">
          <h2 className="font-semibold">一、总体情况</h2>
          <p className="whitespace-pre-wrap">{rendered.overview}</p>
        </section>
        <StatutoryTable grid={reportGrid(report, "proactive")} cellHref={can(user.role, "reports.edit") && !includeChildren ? () => `/reports/${year}/figures` : undefined} />
        <StatutoryTable
          grid={reportGrid(report, "applications")}
          cellHref={(ref, value) => (value !== "0" ? applicationCellHref(ref.row, ref.column, report.period, includeChildren ? undefined : report.agency.code) : null)}
        />
        <StatutoryTable grid={reportGrid(report, "appeals")} cellHref={(ref, value) => (value !== "0" ? appealCellHref(ref.row, ref.column, report.period, includeChildren ? undefined : report.agency.code) : null)} />
        <section className="space-y-2 text-sm leading-7">
          <h2 className="font-semibold">五、存在的主要问题及改进情况</h2>
          <p className="whitespace-pre-wrap">{rendered.problems}</p>
          <h2 className="font-semibold">六、其他需要报告的事项</h2>
          <p className="whitespace-pre-wrap" data-testid="fees">
            {rendered.other}
          </p>
        </section>
      </div>
      {isYear && (can(user.role, "reports.edit") || can(user.role, "reports.finalize")) ? (
        <div className="mt-8 grid grid-cols-[1fr_20rem] items-start gap-6">
          {can(user.role, "reports.edit") ? (
            <section className="rounded border border-slate-200 bg-white p-4">
              <h2 className="mb-2 font-semibold">编辑报告正文</h2>
              <NarrativeForm action={saveNarrativeAction.bind(null, year)} narrative={narrative} placeholders={PLACEHOLDER_NAMES} />
            </section>
          ) : null}
          {can(user.role, "reports.finalize") ? (
            <section className="rounded border border-slate-200 bg-white p-4">
              <h2 className="mb-2 font-semibold">定稿</h2>
              <p className="mb-2 text-xs text-slate-600">定稿保存本年度表格、检查结果和正文，定稿后记录仍可修改，页面会提示差异。</p>
              <FinalizeForm action={finalizeAction.bind(null, year, includeChildren)} blocked={failing.some((c) => c.severity === "error")} />
            </section>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
