import "server-only";
import { chmodSync, closeSync, openSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { getSqlite, OWNER_ONLY } from "../db";
import { writeBackupHead } from "./audit/backup-head";
import { AppError } from "./errors";

/**
 * A consistent online copy of the database (interfaces.md `backup`): SQLite's backup API copies
 * it page by page while the server keeps running; the copy is checked and then moved into place,
 * so the target is either the old file or a complete new one.
 */
export async function backupDatabase(out: string): Promise<{ out: string; bytes: number }> {
  const target = path.resolve(out);
  try {
    if (statSync(path.dirname(target)).isDirectory() === false) throw new Error();
  } catch {
    throw new AppError("INVALID", `目录不存在：${path.dirname(target)}`, "out", `directory does not exist: ${path.dirname(target)}`);
  }
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  // The copy holds what the database holds: created readable by its owner only (issue 13), and
  // SQLite keeps that mode for the file it writes into.
  closeSync(openSync(partial, "wx", OWNER_ONLY));
  chmodSync(partial, OWNER_ONLY);
  await getSqlite().backup(partial);
  // Opened writable to leave it in rollback-journal mode: one self-contained file, with no -wal
  // or -shm left beside it (a read-only connection to a WAL copy cannot remove them).
  const copy = new Database(partial);
  try {
    copy.pragma("journal_mode = DELETE");
    const check = copy.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new AppError("INVALID", `备份文件校验失败：${String(check)}`, "out", "backup copy failed its check");
    renameSync(partial, target);
    chmodSync(target, OWNER_ONLY);
    // The audit trail's head goes with the copy (issue 13): without it a restore cannot be checked.
    writeBackupHead(copy, target);
  } finally {
    copy.close();
  }
  return { out: target, bytes: statSync(target).size };
}
