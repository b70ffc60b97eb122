import { parseArgs } from "node:util";
import { adoptAuditHead, describeFinding, verifyAudit } from "../../lib/audit/verify";
import { EXIT, UsageError } from "../io";

export const AUDIT_USAGE = "audit verify [--adopt-head]";

/**
 * `audit verify` (interfaces.md): the whole trail, read only — `ok N` on standard output and
 * exit 0, or every finding on standard error, the first failing row (or `truncated`, or the
 * missing trigger) first, and exit 1. `--adopt-head` is the operator's decision after a restore
 * without its head file: it sets the head to the last row when the chain itself is intact.
 */
export async function auditCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "verify") throw new UsageError(AUDIT_USAGE);
  const { values } = parseArgs({ args: rest, options: { "adopt-head": { type: "boolean" } }, strict: true, allowPositionals: false });
  const result = values["adopt-head"] ? adoptAuditHead() : verifyAudit({ full: true });
  if (!result.ok) {
    for (const finding of result.findings) {
      const { zh, en } = describeFinding(finding);
      process.stderr.write(`${en} (${zh})\n`);
    }
    return EXIT.refused;
  }
  if (result.legacy) process.stderr.write("note: rows chained before the key; the next write seals them (审计记录尚未升级为密钥校验，下一次写入时升级)\n");
  process.stdout.write(`ok ${result.rows}\n`);
  return EXIT.ok;
}
