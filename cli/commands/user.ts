import { parseArgs } from "node:util";
import { CLI_ACTOR } from "../../lib/auth/actor";
import { ROLES } from "../../lib/auth/roles";
import { createUser, resetUserSecondFactor, unlockUser } from "../../lib/users/mutations";
import { getUserByUsername } from "../../lib/users/queries";
import { createUserSchema } from "../../lib/users/schemas";
import { printResult, readFirstLine, RefusedError, refusedFromZod, UsageError } from "../io";

export const USER_USAGE = [
  `user add --username U --role ${ROLES.join("|")} --agency C [--must-change]  (password: first line of standard input)`,
  "user unlock --username U",
  "user reset-2fa --username U",
].join("\n  ");

/** The user named by `--username`, or a refusal naming the field. */
function namedUser(rest: string[]) {
  const { values } = parseArgs({ args: rest, options: { username: { type: "string" } }, strict: true, allowPositionals: false });
  if (!values.username) throw new UsageError(USER_USAGE);
  const user = getUserByUsername(values.username);
  if (!user) throw new RefusedError(`用户名 --username：用户 ${values.username} 不存在`, `--username: no user ${values.username}`);
  return user;
}

/** `user unlock`: ends a login lock; audited like the admin's 解锁. */
function unlockCommand(rest: string[]): void {
  const user = namedUser(rest);
  unlockUser(CLI_ACTOR, user.id);
  printResult({ username: user.username, unlocked: true });
}

/** `user reset-2fa`: removes the second factor (a lost device); the user enrolls again at its next login. */
function resetSecondFactorCommand(rest: string[]): void {
  const user = namedUser(rest);
  resetUserSecondFactor(CLI_ACTOR, user.id);
  printResult({ username: user.username, secondFactorReset: true });
}

export async function userCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === "unlock") return unlockCommand(rest);
  if (sub === "reset-2fa") return resetSecondFactorCommand(rest);
  if (sub !== "add") throw new UsageError(USER_USAGE);
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: "string" },
      role: { type: "string" },
      agency: { type: "string" },
      "must-change": { type: "boolean", default: false },
      name: { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.username === undefined || values.role === undefined || values.agency === undefined) throw new UsageError(USER_USAGE);
  const password = await readFirstLine();
  if (!password) throw new RefusedError("密码：标准输入的第一行为空", "password: the first line of standard input is empty");
  const input = createUserSchema.safeParse({
    username: values.username,
    displayName: values.name ?? "",
    role: values.role,
    agencyCode: values.agency,
    password,
    mustChange: values["must-change"],
  });
  if (!input.success) throw refusedFromZod(input.error, { username: "用户名 --username", role: "角色 --role", agencyCode: "机构 --agency" });
  const user = await createUser(CLI_ACTOR, input.data);
  printResult({ username: user.username, role: user.role, agency: input.data.agencyCode, mustChangePassword: user.mustChangePassword });
}
