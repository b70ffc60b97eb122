import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell";
import { ImportPanel } from "@/components/requests/import-panel";
import { requirePagePermission } from "@/lib/auth/current";
import { LEDGER_COLUMNS } from "@/lib/ledger/columns";
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
      <ImportPanel preview={previewImportAction} commit={commitImportAction} />
      <details className="mt-6 max-w-3xl text-sm text-slate-700">
        <summary className="cursor-pointer">文件格式说明</summary>
        <p className="mt-2">表头可用中文列名或英文代码；日期写作 YYYY-MM-DD（XLSX 中的日期单元格亦可）；空白、“/”、“—”视为空。</p>
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
