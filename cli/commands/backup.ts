import { parseArgs } from "node:util";
import { backupDatabase } from "../../lib/backup";
import { printResult, UsageError } from "../io";

export const BACKUP_USAGE = "backup --out FILE";

export async function backupCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { out: { type: "string" } }, strict: true, allowPositionals: false });
  if (!values.out) throw new UsageError(BACKUP_USAGE);
  printResult(await backupDatabase(values.out));
}
