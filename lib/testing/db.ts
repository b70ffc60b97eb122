import { copyFileSync, existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, openDatabase } from "../../db";
import { createAgency } from "../agencies/mutations";
import { prepareDatabase } from "../lifecycle";
import type { Actor } from "../auth/actor";
import { CLI_ACTOR } from "../auth/actor";
import type { Role } from "../auth/roles";
import { createUser } from "../users/mutations";
import { type CreateRequestInput, createRequestSchema } from "../requests/schemas";

/**
 * A fresh SQLite file per test (style.md): the migrated base file is built once per worker and
 * copied, so each test starts from an empty, fully migrated database.
 */
let baseFile: string | undefined;
const dir = mkdtempSync(path.join(os.tmpdir(), "gongkai-test-"));
let counter = 0;

function migratedBase(): string {
  if (baseFile && existsSync(baseFile)) return baseFile;
  baseFile = path.join(dir, "base.db");
  const holder = openDatabase(baseFile);
  prepareDatabase(holder.db);
  holder.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  holder.sqlite.pragma("journal_mode = DELETE");
  holder.sqlite.close();
  return baseFile;
}

export function freshDatabase(): string {
  closeDb();
  const file = path.join(dir, `t${process.pid}-${++counter}.db`);
  copyFileSync(migratedBase(), file);
  process.env.DATABASE_URL = file;
  return file;
}

export async function makeUser(username: string, role: Role, agencyCode: string, password = "Passw0rd-123"): Promise<Actor> {
  const user = await createUser(CLI_ACTOR, { username, displayName: "", role, agencyCode, password, mustChange: false });
  return { id: user.id, username: user.username, role: user.role, agencyId: user.agencyId };
}

/** A parent agency with two children, used by the scoping tests. */
export function makeAgencyTree() {
  const parent = createAgency(CLI_ACTOR, { code: "county", name: "某县人民政府" }).agency;
  const a = createAgency(CLI_ACTOR, { code: "edu", name: "某县教育局", parentCode: "county" }).agency;
  const b = createAgency(CLI_ACTOR, { code: "health", name: "某县卫生健康委员会", parentCode: "county" }).agency;
  return { parent, a, b };
}

/** A valid registration, parsed by the real schema; `receivedDate` is the day it was handed in. */
export function requestInput(overrides: Partial<Record<keyof CreateRequestInput, string>> & { receivedDate?: string } = {}): CreateRequestInput {
  const { receivedDate = "2026-03-02", ...rest } = overrides;
  return createRequestSchema.parse({
    serial: "2026-0001",
    channel: "in_person",
    arrivedDate: receivedDate,
    applicantType: "natural",
    applicantName: "申请人",
    content: "申请公开某文件",
    ...rest,
  });
}

/**
 * The day the tests run on, as far as the app knows: today is passed in from the edge (issue 10),
 * so no test depends on the day it really runs.
 */
export const TODAY = "2026-12-31";
