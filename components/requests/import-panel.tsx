"use client";

import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import { SubmitButton } from "@/components/ui/form";
import { type ActionState, IDLE } from "@/lib/actions";
import { uploadFileName } from "@/lib/ledger/file-name";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL, UPLOAD_TOO_LARGE } from "@/lib/ledger/upload-limit";
import type { LedgerIssue } from "@/lib/ledger/parse";
import type { ImportJobView } from "@/lib/ledger/import-jobs";
import { IMPORT_PHASE_LABELS, IMPORT_PHASES, importPercent, progressLine } from "@/lib/ledger/progress";

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

/** A running import as the page shows it: the phase, a bar, the rows. */
function Progress({ job }: { job: ImportJobView }) {
  const percent = importPercent(job.progress);
  return (
    <section className="space-y-2 rounded border border-brand-200 bg-white p-4" data-testid="import-progress" aria-live="polite">
      <h2 className="font-semibold">
        {job.kind === "preview" ? "正在预览" : "正在导入"}：{job.filename}
      </h2>
      <p className="flex gap-4 text-sm">
        {IMPORT_PHASES.map((phase) => (
          <span key={phase} className={phase === job.progress.phase ? "font-semibold text-brand-700" : "text-slate-500"} aria-current={phase === job.progress.phase ? "step" : undefined}>
            {IMPORT_PHASE_LABELS[phase]}
          </span>
        ))}
      </p>
      <progress max={100} value={percent} className="h-3 w-full max-w-xl accent-brand-600" aria-label="导入进度" />
      <p className="text-sm text-slate-700" data-testid="import-progress-line">
        {progressLine(job.progress)}
      </p>
      <p className="text-xs text-slate-600">可以离开此页面：导入在服务器上继续进行，回到“导入台账”页面即可看到进度和结果。</p>
    </section>
  );
}

/** How often the page asks for a running import's state. */
const POLL_MS = 700;

/**
 * Upload → preview (a dry run, every error listed) → confirm. Nothing is written before the
 * confirmation. A large file is read, checked and written on the server while the page shows
 * where it is; the page can be left, and shows the user's latest import when opened again
 * (`resumed`).
 */
export function ImportPanel({ preview, commit, resumed }: { preview: Action<ImportJobView>; commit: Action<ImportJobView>; resumed: ImportJobView | null }) {
  const [job, setJob] = useState<ImportJobView | null>(resumed);
  const [lost, setLost] = useState(false);
  const started = (action: Action<ImportJobView>) => async (state: ActionState<ImportJobView>, form: FormData) => {
    const next = await action(state, form);
    if (next.status === "success" && next.data) setJob(next.data);
    setLost(false);
    return next;
  };
  const [previewState, previewAction, previewing] = useActionState<ActionState<ImportJobView>, FormData>(started(preview), IDLE);
  const [commitState, commitAction, committing] = useActionState<ActionState<ImportJobView>, FormData>(started(commit), IDLE);
  // A file over the limit is refused here, before it is sent (the server refuses it too).
  const [tooLarge, setTooLarge] = useState(false);
  const upload = (form: FormData) => {
    const file = form.get("file");
    const large = file instanceof File && file.size > MAX_UPLOAD_BYTES;
    setTooLarge(large);
    if (!large) {
      setJob(null);
      previewAction(withCleanFileName(form));
    }
  };

  const running = job?.state === "running" ? job.id : null;
  useEffect(() => {
    if (!running) return;
    let stopped = false;
    const timer = setInterval(async () => {
      const res = await fetch(`/requests/import/jobs/${running}`, { cache: "no-store" }).catch(() => null);
      if (stopped || !res) return;
      if (res.status === 404) {
        setJob(null);
        setLost(true);
      } else if (res.ok) setJob((await res.json()) as ImportJobView);
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [running]);

  const result = job?.state === "done" ? job.result : undefined;
  if (result?.kind === "commit" && result.summary.ok) {
    return (
      <div data-testid="form-success" className="rounded border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
        导入完成（{job?.filename}）：新增 {result.summary.inserted} 条，已存在且相同 {result.summary.unchanged} 条。
        <Link href="/requests" className="ml-2 underline">
          查看登记簿
        </Link>
        <button type="button" onClick={() => setJob(null)} className="ml-4 underline">
          继续导入其他文件
        </button>
      </div>
    );
  }
  const ended = job && job.state !== "running" && job.state !== "done" ? job.message : undefined;
  const refusedCommit = result?.kind === "commit" && !result.summary.ok ? result.summary : undefined;
  const uploadError = tooLarge
    ? UPLOAD_TOO_LARGE
    : lost
      ? "这次导入的进度已无法读取（服务可能已重启）；请查看登记簿，或重新上传"
      : previewState.status === "error"
        ? previewState.message
        : ended;
  const commitError = commitState.status === "error" ? commitState.message : undefined;
  const shown = result?.kind === "preview" && !tooLarge ? result : undefined;
  const summary = shown?.summary;
  return (
    <div className="space-y-4">
      {running && job ? (
        <Progress job={job} />
      ) : (
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
      )}
      {uploadError ? (
        <p data-testid="form-error" role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {uploadError}
        </p>
      ) : null}
      {refusedCommit ? <Issues title={`导入被拒绝（${job?.filename}），未写入任何记录`} issues={refusedCommit.errors} tone="error" /> : null}
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
              {commitError ? <p className="mb-2 text-sm text-red-800">{commitError}</p> : null}
              <SubmitButton pending={committing}>确认导入</SubmitButton>
            </form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
