import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell";
import { ImportPanel } from "@/components/requests/import-panel";
import { requirePagePermission, toActor } from "@/lib/auth/current";
import { latestImportJob } from "@/lib/ledger/import-jobs";
import { LEDGER_COLUMNS } from "@/lib/ledger/columns";
import { MAX_UPLOAD_LABEL } from "@/lib/ledger/upload-limit";
import { commitImportAction, previewImportAction } from "../actions";

export const metadata: Metadata = { title: "导入台账" };

export default async function ImportPage() {
  const user = await requirePagePermission("requests.import");
  return (
    <>
      <PageHeader title="导入台账" description={`导入到 ${user.agencyName}。整份文件要么全部导入，要么一条也不导入；同一文件重复导入不会产生重复记录。`}>
        <Link href="/requests" className="text-sm text-brand-700 underline">
          返回登记簿
        </Link>
      </PageHeader>
      <p className="mb-4 text-sm text-slate-700">
        没有现成的台账？
        <a href="/requests/template?kind=requests" className="text-brand-700 underline" data-testid="template-link" download>
          下载导入模板（XLSX）
        </a>
        ：第一张表填数据（申请方式、申请人类型、办理结果可从下拉列表选择），第二张表“填写说明”列出每一列的规则和示例。
      </p>
      <ImportPanel preview={previewImportAction} commit={commitImportAction} resumed={latestImportJob(toActor(user))} />
      <details className="mt-6 max-w-3xl text-sm text-slate-700">
        <summary className="cursor-pointer">文件格式说明</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>只读取第一张工作表；第一行为表头，可用中文列名或英文代码；文件不超过 {MAX_UPLOAD_LABEL}。</li>
          <li>日期可写作 2025-06-03、2025/6/3、2025.6.3 或 2025年6月3日，XLSX 中的日期单元格亦可。</li>
          <li>办理结果、申请人类型等按名称识别，可带或不带编号（“（一）”“1.”“1、”），全角半角标点均可；无法识别的值会列出可填写的值。</li>
          <li>空白、“/”、“—”视为空；没有数据行的文件不会导入。</li>
        </ul>
        <table className="mt-2 border-collapse bg-white">
          <tbody>
            {LEDGER_COLUMNS.map((c) => (
              <tr key={c.code} className="border-b border-slate-200">
                <td className="px-2 py-1">{c.zh}</td>
                <td className="px-2 py-1 font-mono text-xs">{c.code}</td>
                <td className="px-2 py-1">{c.required ? "必填" : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
