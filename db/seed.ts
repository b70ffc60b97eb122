import { readFileSync } from "node:fs";
import path from "node:path";
import { createAgency } from "../lib/agencies/mutations";
import { importRequestLedger } from "../lib/ledger/requests";
import { CLI_ACTOR } from "../lib/auth/actor";
import { generatePassword } from "../lib/auth/password";
import type { Role } from "../lib/auth/roles";
import { prepareApp, shutdownApp } from "../lib/lifecycle";
import { getUserByUsername } from "../lib/users/queries";
import { createUser } from "../lib/users/mutations";
import { todayInChina } from "../lib/time";

/**
 * `npm run db:seed`: a demo county with one department, a user of each working role, and the
 * register of a real published report (the project's copy of its ledger), so a newcomer sees a
 * real register. Idempotent; passwords are printed once and must be changed.
 */
const LEDGER = path.join(process.cwd(), "db", "seed-data", "queshan-2024", "requests.csv");
async function seed() {
  prepareApp();
  createAgency(CLI_ACTOR, { code: "demo", name: "示例县人民政府" });
  createAgency(CLI_ACTOR, { code: "demo-edu", name: "示例县教育局", parentCode: "demo" });
  const people: [string, string, Role, string][] = [
    ["demo-clerk", "李经办", "clerk", "demo-edu"],
    ["demo-supervisor", "王审核", "supervisor", "demo"],
    ["demo-auditor", "赵审计", "auditor", "demo"],
  ];
  for (const [username, displayName, role, agencyCode] of people) {
    if (getUserByUsername(username)) continue;
    const password = generatePassword();
    await createUser(CLI_ACTOR, { username, displayName, role, agencyCode, password, mustChange: true });
    process.stdout.write(`${username}\t${password}\n`);
  }
  const summary = await importRequestLedger(CLI_ACTOR, { agencyCode: "demo", bytes: readFileSync(LEDGER), filename: "requests.csv", today: todayInChina() });
  if (!summary.ok) throw new Error(summary.errors.map((e) => e.zh).join("\n"));
  process.stderr.write(`示例台账 demo ledger: ${summary.inserted} inserted, ${summary.unchanged} unchanged\n`);
  shutdownApp();
}

seed().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
