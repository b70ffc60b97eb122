import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDb, truncateWal, writeTx } from "../../db";
import { agencies, importUploads } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import { decryptBytes, encryptBytes } from "../pii/crypto";
import { now } from "../time";
import { importRequestLedger, type ImportSummary } from "./requests";
import type { OnProgress } from "./progress";
import { MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE } from "./upload-limit";
import { purgeAbandonedUploads } from "./upload-purge";

/**
 * A ledger uploaded in the browser: previewed (a dry run) first, committed on confirmation.
 * Between the two the file is kept AES-256-GCM encrypted (it holds ID and phone numbers), and
 * only the file: the preview's rows are parsed again at the commit, never stored. The commit
 * deletes it in the import's own transaction; an upload not confirmed is purged after a day
 * (./upload-purge.ts).
 */

const NO_UPLOAD = "找不到待确认的导入文件，请重新上传";

function assertImporter(actor: Actor): asserts actor is Actor & { id: string; agencyId: string } {
  if (actor.role === "system" || !can(actor.role, "requests.import") || !actor.id || !actor.agencyId) throw new AppError("FORBIDDEN", "无权导入台账");
}

function agencyCode(agencyId: string): string {
  return getDb().select({ code: agencies.code }).from(agencies).where(eq(agencies.id, agencyId)).get()?.code ?? "";
}

export async function previewUpload(actor: Actor, file: { name: string; bytes: Uint8Array }, ignoreUnknown: boolean, today: string, onProgress?: OnProgress): Promise<{ uploadId: string; summary: ImportSummary }> {
  assertImporter(actor);
  const at = now();
  purgeAbandonedUploads(at);
  if (file.bytes.length > MAX_UPLOAD_BYTES) throw new AppError("INVALID", UPLOAD_TOO_LARGE, "file");
  const summary = await importRequestLedger(actor, { agencyCode: agencyCode(actor.agencyId), bytes: file.bytes, filename: file.name, dryRun: true, ignoreUnknown, today }, { onProgress });
  // A refused file cannot be confirmed (the form offers no confirmation): it is not kept at all.
  const uploadId = summary.ok ? randomUUID() : "";
  writeTx((tx) => {
    if (uploadId) {
      tx.insert(importUploads)
        .values({ id: uploadId, agencyId: actor.agencyId, userId: actor.id, filename: file.name.slice(0, 200), bytesEnc: encryptBytes(file.bytes), ignoreUnknown, createdAt: at.toISOString() })
        .run();
    }
    recordAudit(tx, actor, { action: "ledger.preview", objectType: "import", objectId: uploadId || null, detail: { file: file.name, rows: summary.rows, errors: summary.errors.length } });
  });
  return { uploadId, summary };
}

/** The user's pending upload: its name and its stored size (the import jobs choose the thread by it). */
export function pendingUpload(actor: Actor, uploadId: string): { filename: string; bytes: number } {
  assertImporter(actor);
  const upload = getDb()
    .select({ filename: importUploads.filename, bytes: sql<number>`length(${importUploads.bytesEnc})` })
    .from(importUploads)
    .where(and(eq(importUploads.id, uploadId), eq(importUploads.userId, actor.id)))
    .get();
  if (!upload) throw new AppError("NOT_FOUND", NO_UPLOAD);
  return upload;
}

/** The stored file; one sealed under a GONGKAI_DATA_KEY since replaced cannot be read and is uploaded again. */
function openUpload(stored: Buffer): Buffer {
  try {
    return decryptBytes(stored);
  } catch {
    throw new AppError("NOT_FOUND", "待确认的导入文件无法读取，请重新上传");
  }
}

export async function commitUpload(actor: Actor, uploadId: string, today: string, onProgress?: OnProgress): Promise<ImportSummary> {
  assertImporter(actor);
  purgeAbandonedUploads(now());
  const upload = getDb()
    .select()
    .from(importUploads)
    .where(and(eq(importUploads.id, uploadId), eq(importUploads.userId, actor.id)))
    .get();
  if (!upload) throw new AppError("NOT_FOUND", NO_UPLOAD);
  const input = { agencyCode: agencyCode(upload.agencyId), bytes: openUpload(upload.bytesEnc), filename: upload.filename, ignoreUnknown: upload.ignoreUnknown, today, importId: uploadId, source: "upload" as const };
  const summary = await importRequestLedger(actor, input, {
    onProgress,
    onCommit: (tx) => {
      // Committed: the upload has served its purpose and goes with the import, in its transaction
      // (the one hard delete, of a transient file, not a record; see ./upload-purge.ts).
      const deleted = tx.delete(importUploads).where(eq(importUploads.id, uploadId)).run();
      if (deleted.changes !== 1) throw new AppError("CONFLICT", "此文件已导入，请勿重复确认");
    },
  });
  if (summary.ok) truncateWal();
  return summary;
}
