import "server-only";
import type Database from "better-sqlite3";
import { getSqlite } from "../../db";
import { AppError } from "../errors";
import { auditChainKey } from "../pii/crypto";
import { sameMac } from "./chain";
import { headFile, writeMark } from "./head";
import { lastRow, markOf, rowAt } from "./trail";

/**
 * The head file beside a backup (`<backup>.audit-head`), naming the copy's last audit row, so a
 * restored backup checks like the live database. The live head may be a commit ahead of the
 * copy (a write after the copy finished), so it is not copied as it is: the copy's last row is
 * written when it is the live trail's row (same MAC) — the copy is a faithful prefix.
 */
export function writeBackupHead(copy: Database.Database, target: string): void {
  const last = lastRow(copy);
  if (!last || last.commitSeq === null) return; // no rows, or a trail not sealed yet: no head
  const live = rowAt(getSqlite(), last.id);
  if (!live || !sameMac(live.hash, last.hash)) {
    throw new AppError("CONFLICT", `备份的第 ${last.id} 条审计记录与数据库不一致，备份未完成。`, "out", "backup audit row differs from the live trail");
  }
  writeMark(auditChainKey(), "head", headFile(target), markOf(last));
}
