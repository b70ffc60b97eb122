import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { exportAppealFile, importAppealFile } from "../../lib/appeals/files";
import { CLI_ACTOR } from "../../lib/auth/actor";
import { EXPORT_FORMATS, type ExportFormat, exportReport } from "../../lib/reports/export";
import { setBaseline, setProactive } from "../../lib/reports/mutations";
import { proactiveSchema } from "../../lib/reports/proactive";
import { printResult, RefusedError, UsageError } from "../io";

export const REPORT_USAGE = "report --agency C --year Y [--format json|csv|html|xlsx|docx] [--out FILE] [--include-children]";
export const PROACTIVE_USAGE = "proactive set --agency C --year Y FILE";
export const BASELINE_USAGE = "baseline set --agency C --year Y FILE   (the report JSON published for year Y)";
export const APPEALS_IMPORT_USAGE = "import appeals FILE --agency C [--dry-run]";
export const APPEALS_EXPORT_USAGE = "export appeals --agency C --out FILE";

function year(value: string | undefined, usage: string): number {
  if (!value || !/^\d{4}$/.test(value)) throw new UsageError(`--year 应为四位年份 (a four-digit year)\n${usage}`);
  return Number(value);
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new RefusedError(`文件 ${file} 无法读取`, `cannot read file ${file}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new RefusedError(`文件 ${file} 不是有效的 JSON：${(error as Error).message}`, `${file} is not valid JSON`);
  }
}

export async function reportCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { agency: { type: "string" }, year: { type: "string" }, format: { type: "string", default: "json" }, out: { type: "string" }, "include-children": { type: "boolean", default: false } },
    strict: true,
  });
  if (!values.agency) throw new UsageError(REPORT_USAGE);
  const y = year(values.year, REPORT_USAGE);
  const format = values.format ?? "json";
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format ${format}：可用 ${EXPORT_FORMATS.join("、")}(available: ${EXPORT_FORMATS.join(", ")})\n${REPORT_USAGE}`);
  }
  if ((format === "xlsx" || format === "html" || format === "docx") && !values.out) throw new UsageError(`--format ${format} 需要 --out FILE (needs --out)\n${REPORT_USAGE}`);
  const { body: bytes } = await exportReport(CLI_ACTOR, { agencyCode: values.agency, year: y, includeChildren: values["include-children"], format: format as ExportFormat });
  if (values.out) {
    writeFileSync(values.out, bytes);
    printResult({ out: values.out, format, bytes: bytes.length });
  } else {
    process.stdout.write(bytes);
  }
}

export async function proactiveCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== "set") throw new UsageError(PROACTIVE_USAGE);
  const { values, positionals } = parseArgs({ args: rest, options: { agency: { type: "string" }, year: { type: "string" } }, strict: true, allowPositionals: true });
  if (!values.agency || positionals.length !== 1) throw new UsageError(PROACTIVE_USAGE);
  const y = year(values.year, PROACTIVE_USAGE);
  const raw = readJson(positionals[0]);
  const parsed = proactiveSchema.safeParse((raw as { proactive?: unknown })?.proactive ?? raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.join(".");
    throw new RefusedError(`${where}：${issue.message}`, `invalid value at ${where}`);
  }
  setProactive(CLI_ACTOR, values.agency, y, parsed.data);
  printResult({ agency: values.agency, year: y, proactive: parsed.data });
}

export async function baselineCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== "set") throw new UsageError(BASELINE_USAGE);
  const { values, positionals } = parseArgs({ args: rest, options: { agency: { type: "string" }, year: { type: "string" } }, strict: true, allowPositionals: true });
  if (!values.agency || positionals.length !== 1) throw new UsageError(BASELINE_USAGE);
  const y = year(values.year, BASELINE_USAGE);
  setBaseline(CLI_ACTOR, values.agency, y, readJson(positionals[0]));
  printResult({ agency: values.agency, year: y, baseline: true });
}

export async function importAppealsCommand(rest: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: rest, options: { agency: { type: "string" }, "dry-run": { type: "boolean", default: false } }, strict: true, allowPositionals: true });
  if (positionals.length !== 1 || !values.agency) throw new UsageError(APPEALS_IMPORT_USAGE);
  let bytes: Buffer;
  try {
    bytes = readFileSync(positionals[0]);
  } catch {
    throw new RefusedError(`文件 ${positionals[0]} 无法读取`, `cannot read file ${positionals[0]}`);
  }
  const summary = await importAppealFile(CLI_ACTOR, { agencyCode: values.agency, bytes, filename: path.basename(positionals[0]), dryRun: values["dry-run"] });
  if (!summary.ok) {
    for (const e of summary.errors) process.stderr.write(`错误 refused: ${e.zh} (${e.en})\n`);
    throw new RefusedError(`导入被拒绝，共 ${summary.errors.length} 处错误，未写入任何记录`, `import refused: ${summary.errors.length} error(s), nothing written`);
  }
  printResult({ dryRun: summary.dryRun, rows: summary.rows, inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged });
}

export async function exportAppealsCommand(rest: string[]): Promise<void> {
  const { values } = parseArgs({ args: rest, options: { agency: { type: "string" }, out: { type: "string" } }, strict: true });
  if (!values.agency || !values.out) throw new UsageError(APPEALS_EXPORT_USAGE);
  const format = values.out.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv";
  const bytes = await exportAppealFile(CLI_ACTOR, { agencyCode: values.agency, format });
  writeFileSync(values.out, bytes);
  printResult({ out: values.out, format, bytes: bytes.length });
}
