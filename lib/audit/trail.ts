import "server-only";
import type Database from "better-sqlite3";
import { type ChainBreak, type ChainRow, sameMac, walkChain } from "./chain";
import { type ChainMark, headFile, type MarkRead, readMark } from "./head";

/**
 * The audit table as the chain sees it, read on the one connection (inside the caller's
 * transaction when there is one), and its comparison with the head file.
 */

const COLUMNS = `id, at, actor_id AS actorId, actor_name AS actorName, actor_role AS actorRole, agency_id AS agencyId, action,
  object_type AS objectType, object_id AS objectId, result, changes, prev_hash AS prevHash, hash, commit_seq AS commitSeq`;

export function lastRow(sqlite: Database.Database): ChainRow | undefined {
  return sqlite.prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY id DESC LIMIT 1`).get() as ChainRow | undefined;
}

/** The last row a transaction appended. */
export function lastRowOf(sqlite: Database.Database, commitSeq: number): ChainRow | undefined {
  return sqlite.prepare(`SELECT ${COLUMNS} FROM audit_log WHERE commit_seq = ? ORDER BY id DESC LIMIT 1`).get(commitSeq) as ChainRow | undefined;
}

export function rowAt(sqlite: Database.Database, id: number): ChainRow | undefined {
  return sqlite.prepare(`SELECT ${COLUMNS} FROM audit_log WHERE id = ?`).get(id) as ChainRow | undefined;
}

/** The rows after `id` in order, streamed (a full verification does not hold the log in memory). */
export function rowsAfter(sqlite: Database.Database, id: number): Iterable<ChainRow> {
  return sqlite.prepare(`SELECT ${COLUMNS} FROM audit_log WHERE id > ? ORDER BY id`).iterate(id) as Iterable<ChainRow>;
}

export const markOf = (row: Pick<ChainRow, "id" | "commitSeq" | "hash">): ChainMark => ({ id: row.id, commitSeq: row.commitSeq, mac: row.hash });

/**
 * The database's last row against the head file:
 * - `ok`: they agree (or both are absent);
 * - `legacy`: no head and no keyed row — a trail chained before the key, not yet sealed;
 * - `behind_one`: the rows after the head are one commit's and chain from it (a crash between
 *   the commit and the head's write), to be brought forward;
 * - `truncated`: the database ends before its head;
 * - `head_missing`, `head_invalid`, `head_behind` (more than one commit after the head): the
 *   tail cannot be vouched for;
 * - a break at or after the head's row.
 */
export type HeadState =
  | { state: "ok" | "legacy" | "head_missing" | "head_invalid" }
  | { state: "behind_one"; last: ChainRow }
  | { state: "truncated" | "head_behind"; headId: number; lastId: number | null }
  | { state: "break"; break: ChainBreak };

export function compareHead(key: Buffer, sqlite: Database.Database, head: MarkRead = readMark(key, "head", headFile(sqlite.name))): HeadState {
  const last = lastRow(sqlite);
  if (head.state === "missing") return !last ? { state: "ok" } : last.commitSeq === null ? { state: "legacy" } : { state: "head_missing" };
  if (head.state === "invalid") return { state: "head_invalid" };
  const mark = head.mark;
  if (!last || last.id < mark.id) return { state: "truncated", headId: mark.id, lastId: last?.id ?? null };
  const at = last.id === mark.id ? last : rowAt(sqlite, mark.id);
  if (!at) return { state: "break", break: { kind: "broken", id: mark.id } };
  if (!sameMac(at.hash, mark.mac) || at.commitSeq !== mark.commitSeq) return { state: "break", break: { kind: "changed", id: mark.id } };
  if (at === last) return { state: "ok" };
  const walk = walkChain(key, rowsAfter(sqlite, mark.id), { id: at.id, hash: at.hash, commitSeq: at.commitSeq });
  if (walk.break) return { state: "break", break: walk.break };
  // One commit: every row after the head carries the next transaction number (covered by their MACs).
  if (walk.last?.commitSeq !== (mark.commitSeq ?? 0) + 1) return { state: "head_behind", headId: mark.id, lastId: last.id };
  return { state: "behind_one", last };
}

/** The writer's refusal (and the page's wording) for a state that forbids appending. */
export function headProblem(state: HeadState, file: string): string | null {
  switch (state.state) {
    case "ok":
    case "legacy":
    case "behind_one":
      return null;
    case "truncated":
      return `审计日志被截断：数据库的审计记录止于第 ${state.lastId ?? 0} 条，而审计链头文件记录到第 ${state.headId} 条。`;
    case "head_missing":
      return `审计链头文件缺失（${file}），无法确认审计日志未被截断。`;
    case "head_invalid":
      return `审计链头文件无效或被改动（${file}）。`;
    case "head_behind":
      return `审计链头文件（第 ${state.headId} 条）落后数据库（第 ${state.lastId} 条）不止一次提交，无法确认审计日志完整。`;
    case "break":
      return state.break.kind === "changed" ? `审计日志第 ${state.break.id} 条记录被改动。` : `审计日志在第 ${state.break.id} 条处断链（记录被删除或插入）。`;
  }
}
