import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { closeDb, openDatabase } from "./index";

/**
 * Issue 13, item 1: the database file and its -wal and -shm hold personal data and are readable
 * by their owner only, whatever the umask; a file from before migration 0016, with uploads stored
 * in clear, keeps nothing of them once opened.
 */

const root = path.resolve(import.meta.dirname, "..");
const tmp = () => mkdtempSync(path.join(os.tmpdir(), "gongkai-files-"));
const mode = (file: string) => statSync(file).mode & 0o777;
let umask: number;

beforeEach(() => {
  umask = process.umask(0o022);
});

afterEach(() => {
  closeDb();
  process.umask(umask);
});

describe("database files (issue 13)", () => {
  test("a new database, its -wal and -shm are created 0600; reopened, they stay so", () => {
    const file = path.join(tmp(), "data", "new.db");
    let holder = openDatabase(file);
    holder.sqlite.exec("CREATE TEMP TABLE t (x)"); // any statement: the WAL and shm are in use
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, mode(f)]).toEqual([f, 0o600]);
    expect(mode(path.dirname(file))).toBe(0o700);
    holder.sqlite.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    holder = openDatabase(file);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, mode(f)]).toEqual([f, 0o600]);
    holder.sqlite.close();
  });

  test("an existing database left readable by others (and its -wal, -shm) is set to 0600 when opened", () => {
    const file = path.join(tmp(), "old.db");
    const old = new Database(file);
    old.pragma("journal_mode = WAL");
    old.exec("CREATE TABLE kept (x)");
    for (const f of [file, `${file}-wal`, `${file}-shm`]) chmodSync(f, 0o644);
    const holder = openDatabase(file);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, mode(f)]).toEqual([f, 0o600]);
    holder.sqlite.close();
    old.close();
  });

  test("a database of before 0016 with uploads stored in clear: opened, nothing of them remains in the file or its WAL", () => {
    const dir = tmp();
    const migrations = path.join(dir, "migrations");
    cpSync(path.join(root, "db", "migrations"), migrations, { recursive: true });
    const journalFile = path.join(migrations, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { idx: number }[] };
    journal.entries = journal.entries.filter((e) => e.idx < 16);
    writeFileSync(journalFile, JSON.stringify(journal));

    const file = path.join(dir, "v15.db");
    const sqlite = new Database(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = OFF");
    migrate(drizzle(sqlite), { migrationsFolder: migrations });
    const ledger = "serial,received_date,applicant_type,applicant_name,id_number,phone\nL-1,2026-01-05,natural,旧版上传人,410101199001011234,13600001111\n";
    sqlite.prepare("INSERT INTO import_uploads (id, agency_id, user_id, filename, bytes) VALUES ('u1', 'a', 'u', 'old.csv', ?)").run(Buffer.from(ledger.repeat(200), "utf8"));
    sqlite.prepare("UPDATE import_uploads SET committed_at = '2026-01-05T00:00:00.000Z' WHERE id = 'u1'").run(); // the old commit: a copy left in a freed page
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    sqlite.close();
    const scan = () => Buffer.concat([file, `${file}-wal`, `${file}-shm`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
    expect(scan().includes(Buffer.from("410101199001011234"))).toBe(true);

    const holder = openDatabase(file);
    expect(holder.sqlite.prepare("SELECT count(*) AS n FROM import_uploads").get()).toEqual({ n: 0 });
    const raw = scan();
    for (const value of ["410101199001011234", "13600001111", "旧版上传人"]) expect([value, raw.includes(Buffer.from(value, "utf8"))]).toEqual([value, false]);
    holder.sqlite.close();
  });
});
