import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell";
import { AppealsTable } from "@/components/appeals/appeals-table";
import { APPEAL_KIND_LABELS, APPEAL_KINDS, APPEAL_RESULT_LABELS } from "@/lib/appeals/codes";
import { listAppeals } from "@/lib/appeals/queries";
import { appealFilterSchema } from "@/lib/appeals/schemas";
import { requirePagePermission, toActor } from "@/lib/auth/current";
import { firstValues } from "@/lib/validation";

export const metadata: Metadata = { title: "复议诉讼" };

export default async function AppealsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("appeals.read");
  const filter = appealFilterSchema.parse(firstValues(await searchParams));
  const drill = Boolean(filter.group);
  const rows = listAppeals(toActor(user), filter);
  const field = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";
  return (
    <>
      <PageHeader title="行政复议、行政诉讼案件" description="本机关作为被申请人或被告的政府信息公开案件。">
        <a href="/requests/template?kind=appeals" className="text-sm text-brand-700 underline" data-testid="appeals-template-link" download>
          下载案件导入模板（XLSX）
        </a>
      </PageHeader>
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
            {APPEAL_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {APPEAL_KIND_LABELS[kind]}
              </option>
            ))}
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
      <AppealsTable rows={rows} testId="appeals-table" showRequest />
    </>
  );
}
