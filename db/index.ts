import "server-only";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { chmodSync, closeSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { databasePath, projectRoot } from "../lib/env";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;
/** The handle inside a write transaction (drizzle's better-sqlite3 transactions are synchronous). */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

type Holder = { db: Db; sqlite: Database.Database; file: string };
const globalForDb = globalThis as unknown as { __gongkaiDb?: Holder };

/** The database, its -wal and -shm, and backups hold personal data: readable by their owner only. */
export const OWNER_ONLY = 0o600;

function restrictMode(file: string): void {
  try {
    chmodSync(file, OWNER_ONLY);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/**
 * Before SQLite opens the file: a missing file is created empty with mode 0600 (whatever the
 * umask), an existing one and any -wal/-shm left by an earlier version are set to 0600. SQLite
 * creates the -wal and -shm with the mode of the database file, so they follow.
 */
function restrictDatabaseFiles(file: string): void {
  closeSync(openSync(file, "a", OWNER_ONLY));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) restrictMode(f);
}

/** Whether the file still has the uploads table of before 0016, which held ledgers in clear. */
function hasClearUploads(sqlite: Database.Database): boolean {
  return sqlite.prepare("SELECT 1 FROM pragma_table_info('import_uploads') WHERE name = 'bytes'").get() !== undefined;
}

/** How long a write waits for another writer (an import holds the lock for seconds) before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating and migrating when needed) the database file with the durability pragmas.
 * Nothing else: the shipped calendars and derived state are the start-up step's (lib/lifecycle.ts).
 * `secure_delete` makes SQLite overwrite deleted content with zeros, so a purged upload
 * (lib/ledger/uploads.ts) leaves nothing in the pages it occupied.
 */
export function openDatabase(file: string): Holder {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  restrictDatabaseFiles(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma("secure_delete = ON");
  for (const f of [`${file}-wal`, `${file}-shm`]) restrictMode(f);
  const clearUploads = hasClearUploads(sqlite);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: path.join(projectRoot(), "db", "migrations") });
  completePlannerStatistics(sqlite);
  if (clearUploads) {
    // 0016 dropped them; rewriting the file also clears the free pages older versions left
    // with copies of them (those were freed before secure_delete was on).
    sqlite.exec("VACUUM");
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
  }
  return { db, sqlite, file };
}

/**
 * A database whose planner statistics were gathered (ANALYZE wrote sqlite_stat1) gets them for
 * every index a migration has created since: with figures for the other indexes and none for a
 * new one, SQLite prefers the new one where it should not (seen: the unfiltered register read a
 * whole agency through the handler index and sorted it, twice as slow). A database never
 * analyzed is left without statistics; SQLite's defaults choose well for it.
 */
function completePlannerStatistics(sqlite: Database.Database): void {
  if (!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'").get()) return;
  const missing = sqlite
    .prepare(
      `SELECT i.name FROM sqlite_master i WHERE i.type = 'index' AND i.sql IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM sqlite_stat1 s WHERE s.idx = i.name)
         AND EXISTS (SELECT 1 FROM sqlite_stat1 s WHERE s.tbl = i.tbl_name)`,
    )
    .pluck()
    .all() as string[];
  for (const name of missing) {
    try {
      sqlite.exec(`ANALYZE "${name.replaceAll('"', '""')}"`);
    } catch (error) {
      // Another process holds the write lock (an import): the figures are gathered at the next start.
      if (!isBusy(error)) throw error;
      return;
    }
  }
}

/** SQLite's answer that another connection holds the write lock. */
export function isBusy(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && String((error as { code: unknown }).code).startsWith("SQLITE_BUSY");
}

/**
 * A write that may be skipped rather than wait (a session's last-seen time): run with no busy
 * wait, false when another writer holds the database. Waiting would block every request of the
 * server (the connection is synchronous) for as long as that writer runs.
 */
export function writeIfFree(write: () => void): boolean {
  const sqlite = getSqlite();
  sqlite.pragma("busy_timeout = 0");
  try {
    write();
    return true;
  } catch (error) {
    if (isBusy(error)) return false;
    throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

/** The one client, opened lazily on first use (never at module scope: `next build` opens none). */
export function getDb(): Db {
  return getHolder().db;
}

export function getSqlite(): Database.Database {
  return getHolder().sqlite;
}

function getHolder(): Holder {
  const file = databasePath();
  const current = globalForDb.__gongkaiDb;
  if (current && current.file === file) return current;
  if (current) current.sqlite.close();
  globalForDb.__gongkaiDb = openDatabase(file);
  return globalForDb.__gongkaiDb;
}

/**
 * Copies the WAL into the database file and empties it, so that frames holding the old content
 * of pages just overwritten are gone too. Best effort: with another connection reading, the WAL
 * is left as it is (and reused from its start by the next checkpoint). Outside a transaction.
 */
export function truncateWal(): void {
  getSqlite().pragma("wal_checkpoint(TRUNCATE)");
}

/** Closes the client (tests switch files; the CLI closes before exiting). */
export function closeDb(): void {
  globalForDb.__gongkaiDb?.sqlite.close();
  globalForDb.__gongkaiDb = undefined;
}

/**
 * Every write goes through here: one `BEGIN IMMEDIATE` transaction, so the writer lock is taken
 * up front (no SQLITE_BUSY upgrade deadlock) and the audit row lands with the change or not at all.
 */
export function writeTx<T>(fn: (tx: Tx) => T): T {
  if (openScope) return getDb().transaction(fn, { behavior: "immediate" }); // a savepoint of the open one
  const scope: TxScope = { afterCommit: [] };
  openScope = scope;
  let result: T;
  try {
    result = getDb().transaction(fn, { behavior: "immediate" });
  } finally {
    openScope = null;
  }
  for (const callback of scope.afterCommit) callback();
  return result;
}

/** The outermost `writeTx` now open: one object per transaction, whatever savepoints run inside it. */
export type TxScope = { afterCommit: (() => void)[] };
let openScope: TxScope | null = null;

export function currentTxScope(): TxScope | null {
  return openScope;
}

/**
 * Runs `callback` once the `writeTx` now open has committed (never if it rolls back); false when
 * no `writeTx` is open. The audit writer records its head outside the database this way.
 */
export function afterCommit(callback: () => void): boolean {
  if (!openScope) return false;
  openScope.afterCommit.push(callback);
  return true;
}
