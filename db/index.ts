import "server-only";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { databasePath, projectRoot } from "../lib/env";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;
/** The handle inside a write transaction (drizzle's better-sqlite3 transactions are synchronous). */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

type Holder = { db: Db; sqlite: Database.Database; file: string };
const globalForDb = globalThis as unknown as { __gongkaiDb?: Holder };

/**
 * Opens (creating and migrating when needed) the database file with the durability pragmas.
 * Nothing else: the shipped calendars and derived state are the start-up step's (lib/lifecycle.ts).
 */
export function openDatabase(file: string): Holder {
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: path.join(projectRoot(), "db", "migrations") });
  return { db, sqlite, file };
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
