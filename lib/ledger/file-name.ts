import { stripControlCharacters } from "../validation";

const MAX_FILE_NAME = 200;

/**
 * The name of an uploaded or imported file as the app keeps and shows it: its last path segment,
 * control characters (a NUL, a newline) removed, at most 200 characters with the extension kept.
 * Both imports and the upload form use it (issue 13: a NUL in an upload's name reached the database and the page).
 */
export function uploadFileName(name: unknown): string {
  const base = stripControlCharacters(typeof name === "string" ? name : "").split(/[/\\]/).pop()?.trim() ?? "";
  if (!base) return "未命名文件";
  const chars = [...base];
  if (chars.length <= MAX_FILE_NAME) return base;
  const ext = /\.[0-9A-Za-z]{1,8}$/.exec(base)?.[0] ?? "";
  return chars.slice(0, MAX_FILE_NAME - ext.length).join("") + ext;
}
