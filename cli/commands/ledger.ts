import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { CLI_ACTOR } from "../../lib/auth/actor";
import { exportRequestLedger, importRequestLedger } from "../../lib/ledger/requests";
import { type OnProgress, progressLine } from "../../lib/ledger/progress";
import { todayInChina } from "../../lib/time";
import { printResult, RefusedError, UsageError } from "../io";
import { APPEALS_EXPORT_USAGE, APPEALS_IMPORT_USAGE, exportAppealsCommand, importAppealsCommand } from "./report";

export const IMPORT_USAGE = "import requests FILE --agency C [--dry-run] [--ignore-unknown]";
export const EXPORT_USAGE = "export requests --agency C [--year Y] --out FILE";

/** Progress on standard error when it is a terminal (one line, rewritten, cleared at the end); nothing in a pipe or a log. */
function terminalProgress(): OnProgress | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = "";
  return (progress) => {
    const line = progressLine(progress);
    if (line === last) return;
    last = line;
    process.stderr.write(`\r\x1b[K${line}`);
  };
}

export async function importCommand(args: string[]): Promise<void> {
  const [kind, ...rest] = args;
  if (kind === "appeals") return importAppealsCommand(rest);
  if (kind !== "requests") throw new UsageError(`${IMPORT_USAGE}\n  ${APPEALS_IMPORT_USAGE}`);
  const { values, positionals } = parseArgs({
    args: rest,
    options: { agency: { type: "string" }, "dry-run": { type: "boolean", default: false }, "ignore-unknown": { type: "boolean", default: false } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1 || !values.agency) throw new UsageError(IMPORT_USAGE);
  const file = positionals[0];
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new RefusedError(`文件 ${file} 无法读取`, `cannot read file ${file}`);
  }
  const summary = await importRequestLedger(CLI_ACTOR, {
    agencyCode: values.agency,
    bytes,
    filename: path.basename(file),
    dryRun: values["dry-run"],
    ignoreUnknown: values["ignore-unknown"],
    today: todayInChina(),
  }, { onProgress: terminalProgress() });
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
  for (const w of summary.warnings) process.stderr.write(`提醒 warning: ${w.zh} (${w.en})\n`);
  if (summary.droppedColumns.length > 0 && values["ignore-unknown"]) {
    process.stderr.write(`已忽略的列 ignored columns: ${summary.droppedColumns.join(", ")}\n`);
  }
  if (!summary.ok) {
    for (const e of summary.errors) process.stderr.write(`错误 refused: ${e.zh} (${e.en})\n`);
    throw new RefusedError(`导入被拒绝，共 ${summary.errors.length} 处错误，未写入任何记录`, `import refused: ${summary.errors.length} error(s), nothing written`);
  }
  printResult({
    dryRun: summary.dryRun,
    rows: summary.rows,
    inserted: summary.inserted,
    unchanged: summary.unchanged,
    warnings: summary.warnings.length,
    droppedColumns: summary.droppedColumns,
  });
}

export async function exportCommand(args: string[]): Promise<void> {
  const [kind, ...rest] = args;
  if (kind === "appeals") return exportAppealsCommand(rest);
  if (kind !== "requests") throw new UsageError(`${EXPORT_USAGE}\n  ${APPEALS_EXPORT_USAGE}`);
  const { values } = parseArgs({ args: rest, options: { agency: { type: "string" }, year: { type: "string" }, out: { type: "string" } }, strict: true });
  if (!values.agency || !values.out) throw new UsageError(EXPORT_USAGE);
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) throw new UsageError(`--year 应为四位年份 (a four-digit year)\n${EXPORT_USAGE}`);
  const format = values.out.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv";
  const bytes = await exportRequestLedger(CLI_ACTOR, { agencyCode: values.agency, year: values.year ? Number(values.year) : undefined, format });
  writeFileSync(values.out, bytes);
  printResult({ out: values.out, format, bytes: bytes.length });
}
