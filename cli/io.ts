import { isAppError } from "../lib/errors";
import type { z } from "zod";

/** Exit statuses of interfaces.md: 0 success, 1 input refused, 2 wrong usage. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

export class UsageError extends Error {}

/** Input refused: the message names the field, in Chinese and English. */
export class RefusedError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} (${en})`);
  }
}

export function refusedFromZod(error: z.ZodError, fieldNames: Record<string, string>): RefusedError {
  const issue = error.issues[0];
  const field = String(issue?.path[0] ?? "");
  return new RefusedError(`${fieldNames[field] ?? field}：${issue?.message ?? "无效"}`, `invalid --${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
}

/** Results go to standard output, one JSON object a line; nothing else does. */
export function printResult(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function reportError(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`用法错误 usage: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof RefusedError) {
    process.stderr.write(`错误 refused: ${error.message}\n`);
    return EXIT.refused;
  }
  if (isAppError(error)) {
    process.stderr.write(`错误 refused: ${error.message}${error.en ? ` (${error.en})` : ""}\n`);
    return EXIT.refused;
  }
  throw error;
}

/** The first line of standard input, without its line ending (for passwords). */
export async function readFirstLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).includes(0x0a)) break;
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return text.split(/\r?\n/, 1)[0] ?? "";
}
