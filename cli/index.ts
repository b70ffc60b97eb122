import { ensureLocalSecrets } from "../lib/env";
import { prepareApp, shutdownApp } from "../lib/lifecycle";
import { AUDIT_USAGE, auditCommand } from "./commands/audit";
import { AGENCY_USAGE, agencyCommand } from "./commands/agency";
import { EXPORT_USAGE, exportCommand, IMPORT_USAGE, importCommand } from "./commands/ledger";
import { APPEALS_EXPORT_USAGE, APPEALS_IMPORT_USAGE, BASELINE_USAGE, baselineCommand, PROACTIVE_USAGE, proactiveCommand, REPORT_USAGE, reportCommand } from "./commands/report";
import { DUE_USAGE, dueCommand } from "./commands/due";
import { BACKUP_USAGE, backupCommand } from "./commands/backup";
import { USER_USAGE, userCommand } from "./commands/user";
import { EXIT, reportError, UsageError } from "./io";

/**
 * `npm run --silent cli -- <command> [options]` (interfaces.md). Parses, calls lib/, prints.
 * Every command creates and migrates the database when needed.
 */
const COMMANDS: Record<string, (args: string[]) => Promise<void | number>> = {
  agency: agencyCommand,
  user: userCommand,
  import: importCommand,
  export: exportCommand,
  report: reportCommand,
  proactive: proactiveCommand,
  baseline: baselineCommand,
  due: dueCommand,
  backup: backupCommand,
  audit: auditCommand,
};

/** `audit verify` writes nothing before it has checked: no start-up step (it may append), only the keys and the schema. */
const READ_ONLY = new Set(["audit"]);

const USAGE = ["npm run --silent cli -- <command>", AGENCY_USAGE, USER_USAGE, IMPORT_USAGE, APPEALS_IMPORT_USAGE, EXPORT_USAGE, APPEALS_EXPORT_USAGE, PROACTIVE_USAGE, BASELINE_USAGE, REPORT_USAGE, DUE_USAGE, BACKUP_USAGE, AUDIT_USAGE].join("\n  ");

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  try {
    const command = name ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(name ? `未知命令 unknown command: ${name}\n${USAGE}` : USAGE);
    if (READ_ONLY.has(name as string)) ensureLocalSecrets();
    else prepareApp();
    return (await command(args)) ?? EXIT.ok;
  } catch (error) {
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      return reportError(new UsageError(`${error.message}\n${USAGE}`));
    }
    return reportError(error);
  } finally {
    shutdownApp();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`内部错误 internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(3);
  },
);
