import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, getSqlite, writeTx } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { ROLES } from "@/lib/auth/roles";
import { insertSession } from "@/lib/auth/sessions";
import { addPause, recordSupplementNotice } from "@/lib/clock/mutations";
import { addDays } from "@/lib/dates";
import { setClockForTests, todayInChina } from "@/lib/time";
import { previewUpload } from "@/lib/ledger/uploads";
import { concludeRequest, createRequest } from "@/lib/requests/mutations";
import { concludeSchema } from "@/lib/requests/schemas";
import { freshDatabase, makeAgencyTree, makeUser, requestInput } from "@/lib/testing/db";
import { headFile } from "@/lib/audit/head";
import { acceptAssignment, assignRequest } from "@/lib/work/assignment";
import { submitReplyDraft } from "@/lib/work/approvals";

/**
 * The world every authorization case starts from, built once (scrypt hashing a dozen users per
 * test would dominate the run time) and copied to a fresh SQLite file before each test.
 *
 *   county (parent)
 *   ├── edu     ← agency A: owns every target (requests, the pause, the import upload)
 *   └── health  ← agency B: "another agency"
 *
 * Every agency has one user of every role, each with a live session row.
 */

export const AGENCY_CODES = ["county", "edu", "health"] as const;
export type AgencyCode = (typeof AGENCY_CODES)[number];
export type UserKey = `${Role}.${AgencyCode}`;

/** The password makeUser gives every user. */
export const PASSWORD = "Passw0rd-123";

export type World = {
  today: string;
  /** The day every seeded request was received: three days ago, so every clock fact can be dated today. */
  received: string;
  agencies: Record<AgencyCode, string>;
  users: Record<UserKey, { id: string; sid: string; actor: Actor }>;
  /** Requests of agency A (edu), each in the state one kind of action needs. */
  requests: {
    /** Registered, nothing else recorded. */
    open: string;
    /** Has an open pause (`pauseId`). */
    paused: string;
    /** 补正 was asked on the day of receipt. */
    noticed: string;
    /** Concluded (disclose) on the day of receipt. */
    concluded: string;
    /** Received 40 days ago, 补正 asked that day with a deadline 25 days ago, never answered (deemed abandoned). */
    lapsed: string;
    /** Assigned to edu's clerk, not yet accepted (签收 / 退回). */
    assigned: string;
    /** Assigned to and accepted by edu's clerk (拟办, asking for more time). */
    handled: string;
    /** Accepted by edu's clerk, whose reply draft waits for 审核 (`approvalId`). */
    drafted: string;
  };
  /** The pending reply approval of `requests.drafted`, submitted by edu's clerk. */
  approvalId: string;
  pauseId: string;
  /** An import upload previewed by edu's supervisor, not yet committed. */
  uploadId: string;
};

/** A one-row request ledger in the import format (interfaces.md). */
export function ledgerCsv(serial: string, received: string): string {
  return ["serial,received_date,applicant_type,applicant_name,content", `${serial},${received},natural,导入申请人,申请公开某文件`].join("\n");
}

let template: string | undefined;
const dir = mkdtempSync(path.join(os.tmpdir(), "gongkai-authz-"));
let copies = 0;

/** Builds the world with the application's own functions, then freezes the file as the template. */
export async function buildWorld(): Promise<World> {
  // The actions read today from the clock module at the edge: freeze it, so the test runs the same on any day.
  setClockForTests("2026-12-31T04:00:00Z");
  const file = freshDatabase();
  const tree = makeAgencyTree();
  const agencies: Record<AgencyCode, string> = { county: tree.parent.id, edu: tree.a.id, health: tree.b.id };

  const users = {} as World["users"];
  for (const code of AGENCY_CODES) {
    for (const role of ROLES) {
      const key: UserKey = `${role}.${code}`;
      const actor = await makeUser(key, role, code, PASSWORD);
      // Signed in completely: where the role needs a second factor, it was given.
      const sid = writeTx((tx) => insertSession(tx, actor.id as string, "vitest"));
      getSqlite().prepare("UPDATE sessions SET second_factor_at = last_seen_at WHERE id = ?").run(sid);
      users[key] = { id: actor.id as string, sid, actor };
    }
  }

  const today = todayInChina();
  const received = addDays(today, -3);
  const clerk = users["clerk.edu"].actor;
  const register = (serial: string) => createRequest(clerk, requestInput({ serial, receivedDate: received }), today).id;

  const open = register("E-1");
  const paused = register("E-2");
  addPause(clerk, paused, { version: 1, pauseKind: "third_party", pauseFrom: received }, today);
  const pauseId = (getSqlite().prepare("SELECT id FROM request_pauses WHERE request_id = ?").get(paused) as { id: string }).id;
  const noticed = register("E-3");
  recordSupplementNotice(clerk, noticed, { version: 1, supplementNoticeDate: received, supplementDeadline: addDays(received, 15) }, today);
  const concluded = register("E-4");
  concludeRequest(users["supervisor.edu"].actor, concluded, concludeSchema.parse({ version: "1", outcome: "disclose", concludedDate: received }), today);

  const lapsed = createRequest(clerk, requestInput({ serial: "E-8", receivedDate: addDays(today, -40) }), today).id;
  recordSupplementNotice(clerk, lapsed, { version: 1, supplementNoticeDate: addDays(today, -40), supplementDeadline: addDays(today, -25) }, today);

  const lead = users["supervisor.edu"].actor;
  const handledBy = (serial: string, accept: boolean) => {
    const id = register(serial);
    assignRequest(lead, id, { version: 1, handlerUserId: clerk.id as string });
    if (accept) acceptAssignment(clerk, id, { version: 2 });
    return id;
  };
  const assigned = handledBy("E-5", false);
  const handled = handledBy("E-6", true);
  const drafted = handledBy("E-7", true);
  submitReplyDraft(clerk, drafted, { version: 3, outcome: "disclose", withheldUnderExemptions: false, partNotAvailable: false, legalBasis: "第三十六条第（二）项", replyText: "予以公开。" });
  const approvalId = (getSqlite().prepare("SELECT id FROM approvals WHERE request_id = ?").get(drafted) as { id: string }).id;

  const { uploadId } = await previewUpload(users["supervisor.edu"].actor, { name: "ledger.csv", bytes: Buffer.from(ledgerCsv("I-1", received), "utf8") }, false, today);

  // Fold the WAL into the main file so that a plain copy is the whole database.
  getSqlite().pragma("wal_checkpoint(TRUNCATE)");
  closeDb();
  template = file;
  return { today, received, agencies, users, requests: { open, paused, noticed, concluded, lapsed, assigned, handled, drafted }, approvalId, pauseId, uploadId };
}

/** A fresh copy of the template for the next test (the same ids, untouched data). */
export function restoreWorld(): void {
  if (!template) throw new Error("buildWorld() first");
  closeDb();
  const file = path.join(dir, `case-${process.pid}-${++copies}.db`);
  copyFileSync(template, file);
  // The audit chain's head goes with its database (lib/audit/head.ts), as a backup's does.
  copyFileSync(headFile(template), headFile(file));
  process.env.DATABASE_URL = file;
}

/* ------------------------------------------------------------------------------------------ */
/* Fingerprints: what "nothing was written" is compared against.                               */

/** Not data: the audit trail is checked on its own (refusals may append `access.denied`). */
const NOT_FINGERPRINTED = new Set(["audit_log", "__drizzle_migrations"]);

type TableInfo = { name: string; columns: string[] };

function dataTables(): TableInfo[] {
  const sqlite = getSqlite();
  const rows = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; sql: string }[];
  return rows
    .filter((t) => !NOT_FINGERPRINTED.has(t.name) && !/^CREATE VIRTUAL/i.test(t.sql))
    .map((t) => ({ name: t.name, columns: (sqlite.prepare(`PRAGMA table_info("${t.name}")`).all() as { name: string }[]).map((c) => c.name) }));
}

function digest(rows: unknown[][]): string {
  const lines = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).sort();
  return `${rows.length} rows ${createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16)}`;
}

/**
 * Every data table (found in sqlite_master, so a new table is covered without editing this):
 * requests (with version), request_pauses, request_events, appeals, report tables, calendar
 * tables, users, sessions, agencies, import_uploads, … → row count and a hash of all rows.
 */
/** Bookkeeping that every signed-in request updates, not data an action writes: a session's last activity. */
const NOT_DATA: Record<string, string[]> = { sessions: ["last_seen_at"] };

export function fingerprint(): Record<string, string> {
  const sqlite = getSqlite();
  return Object.fromEntries(
    dataTables().map((t) => {
      const columns = t.columns.filter((c) => !NOT_DATA[t.name]?.includes(c)).map((c) => `"${c}"`);
      return [t.name, digest(sqlite.prepare(`SELECT ${columns.join(", ")} FROM "${t.name}"`).raw().all() as unknown[][])];
    }),
  );
}

/** The rows that belong to one agency: by `agency_id`, or through `request_id` to its requests. */
export function agencySlice(agencyId: string): Record<string, string> {
  const sqlite = getSqlite();
  const out: Record<string, string> = {};
  for (const t of dataTables()) {
    let where: string | null = null;
    if (t.name === "agencies") where = "id = ?";
    else if (t.columns.includes("agency_id")) where = "agency_id = ?";
    else if (t.columns.includes("request_id")) where = "request_id IN (SELECT id FROM requests WHERE agency_id = ?)";
    if (!where) continue;
    out[t.name] = digest(sqlite.prepare(`SELECT * FROM "${t.name}" WHERE ${where}`).raw().all(agencyId) as unknown[][]);
  }
  return out;
}

export function lastAuditId(): number {
  return (getSqlite().prepare("SELECT coalesce(max(id), 0) AS n FROM audit_log").get() as { n: number }).n;
}

/** The actions of the audit rows appended after `mark`. */
export function auditActionsSince(mark: number): string[] {
  return (getSqlite().prepare("SELECT action FROM audit_log WHERE id > ? ORDER BY id").all(mark) as { action: string }[]).map((r) => r.action);
}

export function versionOf(requestId: string): string {
  return String((getSqlite().prepare("SELECT version FROM requests WHERE id = ?").get(requestId) as { version: number }).version);
}

export function userRow(id: string): Record<string, unknown> {
  return getSqlite().prepare("SELECT * FROM users WHERE id = ?").get(id) as Record<string, unknown>;
}

export function sessionRow(sid: string): { revoked_at: string | null } {
  return getSqlite().prepare("SELECT revoked_at FROM sessions WHERE id = ?").get(sid) as { revoked_at: string | null };
}

export function count(sql: string, ...params: unknown[]): number {
  return (getSqlite().prepare(sql).get(...params) as { n: number }).n;
}

/** As after an admin's reset: the user must change its password before doing anything else. */
export function requirePasswordChange(userId: string): void {
  getSqlite().prepare("UPDATE users SET must_change_password = 1 WHERE id = ?").run(userId);
}
