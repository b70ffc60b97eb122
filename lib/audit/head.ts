import { chmodSync, closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { recordMac, sameMac } from "./chain";

/**
 * The records of the audit chain kept outside the database, beside its file (issue 13):
 *
 * - the head, `<database>.audit-head`: the last row appended and its MAC, written after each
 *   commit that appended audit rows. A database behind its head has lost its newest rows.
 * - the checkpoint, `<database>.audit-checkpoint`: the last row a verification found intact,
 *   so that a page view verifies only the rows after it.
 *
 * Both carry a MAC of their own (same key as the chain), so a file naming a row it was never
 * written for is refused like a missing one. Written atomically (temporary file, fsync,
 * rename), readable by the owner only.
 */

export type ChainMark = { id: number; commitSeq: number | null; mac: string };

export const headFile = (databaseFile: string) => `${databaseFile}.audit-head`;
export const checkpointFile = (databaseFile: string) => `${databaseFile}.audit-checkpoint`;

/** `missing`: no file. `invalid`: a file that is not one this key wrote. */
export type MarkRead = { state: "ok"; mark: ChainMark } | { state: "missing" } | { state: "invalid" };

export function readMark(key: Buffer, purpose: "head" | "checkpoint", file: string): MarkRead {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { state: "missing" };
    throw error;
  }
  try {
    const value = JSON.parse(text) as { v?: unknown; id?: unknown; commitSeq?: unknown; mac?: unknown; sig?: unknown };
    const { id, commitSeq, mac, sig } = value;
    if (value.v !== 1 || !Number.isSafeInteger(id) || typeof mac !== "string" || typeof sig !== "string") return { state: "invalid" };
    if (commitSeq !== null && !Number.isSafeInteger(commitSeq)) return { state: "invalid" };
    const mark = { id: id as number, commitSeq: commitSeq as number | null, mac };
    return sameMac(sign(key, purpose, mark), sig) ? { state: "ok", mark } : { state: "invalid" };
  } catch {
    return { state: "invalid" };
  }
}

function sign(key: Buffer, purpose: string, mark: ChainMark): string {
  return recordMac(key, `audit-${purpose}`, [mark.id, mark.commitSeq ?? "legacy", mark.mac]);
}

export function writeMark(key: Buffer, purpose: "head" | "checkpoint", file: string, mark: ChainMark): void {
  const text = `${JSON.stringify({ v: 1, ...mark, sig: sign(key, purpose, mark) })}\n`;
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const fd = openSync(tmp, "wx", 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    chmodSync(tmp, 0o600); // whatever the umask
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
