"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/form";
import { type ActionState, IDLE } from "@/lib/actions";
import { uploadFileName } from "@/lib/ledger/file-name";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL, UPLOAD_TOO_LARGE } from "@/lib/ledger/upload-limit";
import type { LedgerIssue } from "@/lib/ledger/parse";
import type { ImportSummary } from "@/lib/ledger/requests";
import type { UploadPreview } from "@/lib/ledger/uploads";

type Action<T> = (state: ActionState<T>, form: FormData) => Promise<ActionState<T>>;

function Issues({ title, issues, tone }: { title: string; issues: LedgerIssue[]; tone: "error" | "warning" }) {
  if (issues.length === 0) return null;
  const style = tone === "error" ? "border-red-300 bg-red-50 text-red-900" : "border-amber-300 bg-amber-50 text-amber-900";
  return (
    <div className={`rounded border px-3 py-2 text-sm ${style}`} data-testid={tone === "error" ? "import-errors" : "import-warnings"}>
      <p className="font-medium">
        {title}（{issues.length}）
      </p>
      <ul className="mt-1 max-h-64 list-disc space-y-0.5 overflow-auto pl-5">
        {issues.map((i, n) => (
          <li key={n}>{i.zh}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The file is sent under its cleaned name: a control character in a multipart header (a name
 * with a newline) is refused by the server's form parser before any action runs, as HTTP 500.
 */
function withCleanFileName(form: FormData): FormData {
  const file = form.get("file");
  if (file instanceof File && file.size > 0 && uploadFileName(file.name) !== file.name) form.set("file", file, uploadFileName(file.name));
  return form;
}

/** Upload → preview (a dry run, every error listed) → confirm. Nothing is written before the confirmation. */
export function ImportPanel({ preview, commit }: { preview: Action<UploadPreview>; commit: Action<ImportSummary> }) {
  const [previewState, previewAction, previewing] = useActionState<ActionState<UploadPreview>, FormData>(preview, IDLE);
  const [commitState, commitAction, committing] = useActionState<ActionState<ImportSummary>, FormData>(commit, IDLE);
  // A file over the limit is refused here, before it is sent (the server refuses it too).
  const [tooLarge, setTooLarge] = useState(false);
  const upload = (form: FormData) => {
    const file = form.get("file");
    const large = file instanceof File && file.size > MAX_UPLOAD_BYTES;
    setTooLarge(large);
    if (!large) previewAction(withCleanFileName(form));
  };

  if (commitState.status === "success") {
    return (
      <div data-testid="form-success" className="rounded border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
        {commitState.message}
        <Link href="/requests" className="ml-2 underline">
          查看登记簿
        </Link>
      </div>
    );
  }
  const uploadError = tooLarge ? UPLOAD_TOO_LARGE : previewState.status === "error" ? previewState.message : null;
  const shown = previewState.status === "success" && !tooLarge ? previewState.data : undefined;
  const summary = shown?.summary;
  return (
    <div className="space-y-4">
      <form action={upload} className="flex flex-wrap items-end gap-4 rounded border border-slate-200 bg-white p-4" aria-label="上传台账">
        <div className="space-y-1">
          <label htmlFor="f-file" className="block text-sm font-medium text-slate-700">
            台账文件（CSV 或 XLSX，第一行为表头，不超过 {MAX_UPLOAD_LABEL}）
          </label>
          <input id="f-file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="text-sm" />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="ignoreUnknown" />
          忽略无法识别的列
        </label>
        <SubmitButton pending={previewing} variant="secondary">
          上传并预览
        </SubmitButton>
      </form>
      {uploadError ? (
        <p data-testid="form-error" role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {uploadError}
        </p>
      ) : null}
      {shown && summary ? (
        <section className="space-y-3 rounded border border-slate-200 bg-white p-4" data-testid="import-preview">
          <h2 className="font-semibold">预览：{shown.filename}</h2>
          <p className="text-sm">
            共 {summary.rows} 行数据；将新增 <strong>{summary.inserted}</strong> 条，已存在且内容相同 <strong>{summary.unchanged}</strong> 条。
          </p>
          {summary.droppedColumns.length > 0 ? <p className="text-sm text-slate-700">将忽略的列：{summary.droppedColumns.join("、")}</p> : null}
          <Issues title="错误：修改文件后重新上传，整份文件才能导入" issues={summary.errors} tone="error" />
          <Issues title="提醒：不影响导入，请核对" issues={summary.warnings} tone="warning" />
          {summary.ok ? (
            <form action={commitAction}>
              <input type="hidden" name="uploadId" value={shown.uploadId} />
              {commitState.status === "error" ? <p className="mb-2 text-sm text-red-800">{commitState.message}</p> : null}
              <SubmitButton pending={committing}>确认导入</SubmitButton>
            </form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
