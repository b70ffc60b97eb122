import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/app-shell";
import { BaselineForm, ProactiveForm } from "@/components/reports/figures-forms";
import { requirePagePermission, toActor } from "@/lib/auth/current";
import { reportScope, sumProactive } from "@/lib/reports/engine";
import { saveBaselineAction, saveProactiveAction } from "../../actions";

export const metadata: Metadata = { title: "主动公开数据" };

export default async function FiguresPage({ params }: { params: Promise<{ year: string }> }) {
  const user = await requirePagePermission("reports.edit");
  const { year: yearParam } = await params;
  if (!/^\d{4}$/.test(yearParam)) notFound();
  const year = Number(yearParam);
  const { ids } = reportScope(toActor(user), user.agencyCode, false);
  return (
    <>
      <PageHeader title={`${year} 年报告数据录入`} description={`${user.agencyName}。第二部分的数字由本机关录入；第三、四部分由登记簿自动统计。`}>
        <Link href={`/reports/${year}`} className="text-sm text-brand-700 underline">
          返回报告
        </Link>
      </PageHeader>
      <div className="grid grid-cols-[1fr_24rem] items-start gap-6">
        <ProactiveForm action={saveProactiveAction.bind(null, year)} current={sumProactive(ids, year)} />
        <section className="rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-2 font-semibold">上年已公布报告（基线）</h2>
          <BaselineForm action={saveBaselineAction.bind(null, year - 1)} year={year - 1} />
        </section>
      </div>
    </>
  );
}
