import { parseArgs } from "node:util";
import { currentCalendar } from "../../lib/calendar/queries";
import { replyDue } from "../../lib/deadlines/workdays";
import { isIsoDate } from "../../lib/dates";
import { RefusedError, UsageError } from "../io";

export const DUE_USAGE = "due --received YYYY-MM-DD [--supplemented YYYY-MM-DD] [--extension N] [--pause FROM:TO]... [--explain]";

function date(value: string, option: string): string {
  if (!isIsoDate(value)) throw new RefusedError(`--${option}：日期「${value}」无效，应为存在的 YYYY-MM-DD`, `--${option}: ${value} is not a valid YYYY-MM-DD date`);
  return value;
}

/** `due` (interfaces.md): one line on standard output, the steps on standard error with --explain. */
export async function dueCommand(args: string[]): Promise<void> {
  // "--extension -1" is a bad value (exit 1), not an unknown option "-1" (exit 2): keep it with its option.
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (/^--(received|supplemented|extension|pause)$/.test(args[i]) && /^-\d/.test(args[i + 1] ?? "")) joined.push(`${args[i]}=${args[++i]}`);
    else joined.push(args[i]);
  }
  const { values } = parseArgs({
    args: joined,
    options: {
      received: { type: "string" },
      supplemented: { type: "string" },
      extension: { type: "string" },
      pause: { type: "string", multiple: true },
      explain: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (!values.received) throw new UsageError(DUE_USAGE);
  const received = date(values.received, "received");
  const supplemented = values.supplemented ? date(values.supplemented, "supplemented") : undefined;
  if (supplemented && supplemented < received) throw new RefusedError("--supplemented 不能早于 --received", "--supplemented is before --received");
  let extension = 0;
  if (values.extension !== undefined) {
    if (!/^\d+$/.test(values.extension) || Number(values.extension) > 20) throw new RefusedError(`--extension「${values.extension}」应为 0 至 20 的整数`, "--extension must be an integer from 0 to 20");
    extension = Number(values.extension);
  }
  const pauses = (values.pause ?? []).map((p) => {
    const m = /^(.+):(.+)$/.exec(p);
    if (!m) throw new RefusedError(`--pause「${p}」应为 FROM:TO`, `--pause ${p} must be FROM:TO`);
    const from = date(m[1], "pause");
    const to = date(m[2], "pause");
    if (to < from) throw new RefusedError(`--pause「${p}」的结束日早于开始日`, `--pause ${p} ends before it starts`);
    return { from, to };
  });
  const result = replyDue(currentCalendar(), { received, supplemented, extension, pauses });
  if (values.explain) for (const step of result.steps) process.stderr.write(`${step.note}\n`);
  process.stdout.write(`${result.date}${result.provisional ? " provisional" : ""}\n`);
}
