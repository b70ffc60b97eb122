import { parseArgs } from "node:util";
import { createAgency } from "../../lib/agencies/mutations";
import { agencySchema } from "../../lib/agencies/schemas";
import { CLI_ACTOR } from "../../lib/auth/actor";
import { printResult, refusedFromZod, UsageError } from "../io";

export const AGENCY_USAGE = "agency add --code C --name N [--parent P]";

export async function agencyCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== "add") throw new UsageError(AGENCY_USAGE);
  const { values } = parseArgs({
    args: rest,
    options: { code: { type: "string" }, name: { type: "string" }, parent: { type: "string" } },
    strict: true,
    allowPositionals: false,
  });
  if (values.code === undefined || values.name === undefined) throw new UsageError(AGENCY_USAGE);
  const input = agencySchema.safeParse({ code: values.code, name: values.name, parentCode: values.parent });
  if (!input.success) throw refusedFromZod(input.error, { code: "机构代码 --code", name: "机构名称 --name", parentCode: "上级机构 --parent" });
  const { agency, created } = createAgency(CLI_ACTOR, input.data);
  printResult({ code: agency.code, name: agency.name, created });
}
