import "server-only";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Actor } from "../auth/actor";
import { projectRoot } from "../env";
import { now } from "../time";
import { AppError, type AppErrorCode, isAppError } from "../errors";
import { type ImportProgress, type OnProgress } from "./progress";
import type { ImportSummary } from "./requests";
import { commitUpload, pendingUpload, previewUpload } from "./uploads";

/**
 * The upload page's imports as jobs (issue 15): a preview (read and check) or a commit (read,
 * check and write) of a ledger uploaded in the browser. A small file is done on the request
 * thread, at once; a large one in a worker thread (./import-worker.ts) on its own database
 * connection, so the server keeps answering while it reads, checks and writes, and the page
 * follows its progress and can be left and come back to. Both run `executeImport`, the same
 * functions of ./uploads.ts.
 *
 * The jobs live in the server process's memory: a job's state is the user's to read, for an
 * hour after it ends; the page shows an ended one on return until it has been shown once. A server stopped during a commit writes nothing (the commit is one
 * transaction) and keeps the upload, which can then be confirmed again.
 */

/** From this size a file is imported in a worker thread. */
export const WORKER_FROM_BYTES = 512 * 1024;
/** The worker's heap, as the CLI's (`--max-old-space-size` in package.json): a hostile file cannot take the server's memory. */
const WORKER_HEAP_MB = 320;
/** Imports running in worker threads at once, over all users (each writes alone anyway). */
const MAX_RUNNING = 2;
/** How long a finished job stays readable. */
const KEPT_MS = 60 * 60 * 1000;

export type ImportJobInput =
  | { kind: "preview"; actor: Actor; file: { name: string; bytes: Uint8Array }; ignoreUnknown: boolean; today: string }
  | { kind: "commit"; actor: Actor; uploadId: string; today: string };

export type ImportJobResult = { kind: "preview"; uploadId: string; filename: string; summary: ImportSummary } | { kind: "commit"; summary: ImportSummary };

type Outcome = { type: "done"; result: ImportJobResult } | { type: "refused"; code: AppErrorCode; message: string } | { type: "failed"; message: string };
/** What the worker posts: its progress, then its outcome. */
export type WorkerMessage = { type: "progress"; progress: ImportProgress } | Outcome;

/** A job as the page sees it. */
export type ImportJobView = {
  id: string;
  kind: ImportJobInput["kind"];
  filename: string;
  state: "running" | "done" | "refused" | "failed";
  progress: ImportProgress;
  result?: ImportJobResult;
  /** The refusal or failure, in Chinese. */
  message?: string;
};

/** `seen`: an ended job has been shown to its user (it is not shown again on return). */
type Job = ImportJobView & { userId: string; endedAt?: number; seen?: boolean };

const registry = globalThis as unknown as { __gongkaiImportJobs?: Map<string, Job> };
const jobs = (registry.__gongkaiImportJobs ??= new Map<string, Job>());

const FAILED = "导入时发生内部错误，未写入任何记录；请稍后重试，或用命令行导入";

/** The one body of a job, on either thread. */
export async function executeImport(input: ImportJobInput, onProgress?: OnProgress): Promise<Outcome> {
  try {
    if (input.kind === "preview") {
      const { uploadId, summary } = await previewUpload(input.actor, input.file, input.ignoreUnknown, input.today, onProgress);
      return { type: "done", result: { kind: "preview", uploadId, filename: input.file.name, summary } };
    }
    return { type: "done", result: { kind: "commit", summary: await commitUpload(input.actor, input.uploadId, input.today, onProgress) } };
  } catch (error) {
    if (isAppError(error)) return { type: "refused", code: error.code, message: error.message };
    return { type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

function view(job: Job): ImportJobView {
  if (job.state !== "running") job.seen = true;
  const { userId: _user, endedAt: _ended, seen: _seen, ...shown } = job;
  return shown;
}

function end(job: Job, outcome: Outcome): void {
  job.endedAt = now().getTime();
  if (outcome.type === "done") Object.assign(job, { state: "done", result: outcome.result });
  else if (outcome.type === "refused") Object.assign(job, { state: "refused", message: outcome.message });
  else {
    // The detail goes to the server's log, never to the page.
    process.stderr.write(`import job ${job.id} failed: ${outcome.message}\n`);
    Object.assign(job, { state: "failed", message: FAILED });
  }
}

function prune(at: number): void {
  for (const [id, job] of jobs) if (job.endedAt !== undefined && at - job.endedAt > KEPT_MS) jobs.delete(id);
}

function runInWorker(job: Job, input: ImportJobInput): void {
  // Started from its file on disk as it stands, not bundled (it loads the TypeScript through tsx,
  // as the CLI does): through a line of code, which the bundler does not follow as it would a path.
  const entry = pathToFileURL(path.join(projectRoot(), "lib", "ledger", "import-worker.mjs")).href;
  const worker = new Worker(`import(${JSON.stringify(entry)})`, {
    eval: true,
    workerData: input,
    execArgv: ["--conditions=react-server"],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  let ended = false;
  worker.on("message", (message: WorkerMessage) => {
    if (message.type === "progress") job.progress = message.progress;
    else {
      ended = true;
      end(job, message);
    }
  });
  worker.on("error", (error) => {
    if (!ended) end(job, { type: "failed", message: error.stack ?? error.message });
    ended = true;
  });
  worker.on("exit", (code) => {
    if (!ended) end(job, { type: "failed", message: `the import worker exited with code ${code}` });
    ended = true;
  });
}

/**
 * Starts a preview or a commit for the signed-in user: finished when it returns for a small
 * file, running otherwise. One import at a time per user.
 */
export async function startImport(input: ImportJobInput): Promise<ImportJobView> {
  const { actor } = input;
  if (!actor.id) throw new AppError("FORBIDDEN", "无权导入台账");
  const at = now().getTime();
  prune(at);
  const running = [...jobs.values()].filter((j) => j.state === "running");
  if (running.some((j) => j.userId === actor.id)) throw new AppError("CONFLICT", "您已有一个导入正在进行，请等它完成后再上传");
  const { filename, bytes } = input.kind === "preview" ? { filename: input.file.name, bytes: input.file.bytes.length } : pendingUpload(actor, input.uploadId);
  const job: Job = {
    id: randomUUID(),
    userId: actor.id,
    kind: input.kind,
    filename,
    state: "running",
    progress: { phase: "reading", done: 0, total: 0 },
  };
  if (bytes < WORKER_FROM_BYTES) {
    end(job, await executeImport(input));
    return view(job);
  }
  if (running.length >= MAX_RUNNING) throw new AppError("CONFLICT", "其他导入正在进行，请稍后再试");
  jobs.set(job.id, job);
  runInWorker(job, input);
  return view(job);
}

/** A job of the user's (another user's is not found). */
export function importJob(actor: Actor, id: string): ImportJobView | null {
  prune(now().getTime());
  const job = jobs.get(id);
  return job && job.userId === actor.id ? view(job) : null;
}

/** The user's latest job when it is running or has ended unseen (the page was left): the upload page shows it on return. */
export function latestImportJob(actor: Actor): ImportJobView | null {
  prune(now().getTime());
  const mine = [...jobs.values()].filter((j) => j.userId === actor.id && !j.seen);
  return mine.length > 0 ? view(mine[mine.length - 1]) : null;
}
