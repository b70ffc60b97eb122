import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { getDb, writeTx } from "../../db";
import { agencies, importUploads } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import { nowIso } from "../time";
import { importRequestLedger, type ImportSummary } from "./requests";

/** A ledger uploaded in the browser: previewed (a dry run) first, committed on confirmation. */

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

function assertImporter(actor: Actor): asserts actor is Actor & { id: string; agencyId: string } {
  if (actor.role === "system" || !can(actor.role, "requests.import") || !actor.id || !actor.agencyId) throw new AppError("FORBIDDEN", "无权导入台账");
}

function agencyCode(agencyId: string): string {
  return getDb().select({ code: agencies.code }).from(agencies).where(eq(agencies.id, agencyId)).get()?.code ?? "";
}

/** What the upload form shows after a dry run: the stored upload to confirm, and what it would do. */
export type UploadPreview = { uploadId: string; filename: string; summary: ImportSummary };

export async function previewUpload(actor: Actor, file: { name: string; bytes: Uint8Array }, ignoreUnknown: boolean, today: string): Promise<{ uploadId: string; summary: ImportSummary }> {
  assertImporter(actor);
  if (file.bytes.length > MAX_UPLOAD_BYTES) throw new AppError("INVALID", "文件超过 20 MB，请分批导入或使用命令行导入", "file");
  const summary = await importRequestLedger(actor, { agencyCode: agencyCode(actor.agencyId), bytes: file.bytes, filename: file.name, dryRun: true, ignoreUnknown, today });
  const uploadId = randomUUID();
  writeTx((tx) => {
    tx.insert(importUploads)
      .values({ id: uploadId, agencyId: actor.agencyId, userId: actor.id, filename: file.name.slice(0, 200), bytes: Buffer.from(file.bytes), ignoreUnknown })
      .run();
    recordAudit(tx, actor, { action: "ledger.preview", objectType: "import", objectId: uploadId, detail: { file: file.name, rows: summary.rows, errors: summary.errors.length } });
  });
  return { uploadId, summary };
}

export async function commitUpload(actor: Actor, uploadId: string, today: string): Promise<ImportSummary> {
  assertImporter(actor);
  const upload = getDb()
    .select()
    .from(importUploads)
    .where(and(eq(importUploads.id, uploadId), eq(importUploads.userId, actor.id), isNull(importUploads.committedAt)))
    .get();
  if (!upload) throw new AppError("NOT_FOUND", "找不到待确认的导入文件，请重新上传");
  const summary = await importRequestLedger(actor, {
    agencyCode: agencyCode(upload.agencyId),
    bytes: upload.bytes,
    filename: upload.filename,
    ignoreUnknown: upload.ignoreUnknown,
    today,
  });
  if (summary.ok) {
    writeTx((tx) => {
      tx.update(importUploads).set({ committedAt: nowIso() }).where(eq(importUploads.id, uploadId)).run();
      recordAudit(tx, actor, { action: "ledger.import", objectType: "import", objectId: uploadId, detail: { file: upload.filename, inserted: summary.inserted, unchanged: summary.unchanged } });
    });
  }
  return summary;
}
