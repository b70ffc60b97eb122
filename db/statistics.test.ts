import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { openDatabase } from "./index";

/** The planner's statistics after a migration adds an index (db/index.ts completePlannerStatistics). */

const file = () => path.join(mkdtempSync(path.join(os.tmpdir(), "gongkai-stat-")), "g.db");
const statIndexes = (holder: ReturnType<typeof openDatabase>) => holder.sqlite.prepare("SELECT idx FROM sqlite_stat1 WHERE tbl = 't' ORDER BY idx").pluck().all();

test("an analyzed database gets statistics for an index created after its ANALYZE", () => {
  const db = file();
  let holder = openDatabase(db);
  holder.sqlite.exec("CREATE TABLE t (a INTEGER, b INTEGER); CREATE INDEX t_a ON t (a)");
  const insert = holder.sqlite.prepare("INSERT INTO t VALUES (?, ?)");
  for (let i = 0; i < 500; i++) insert.run(i % 7, i);
  holder.sqlite.exec("ANALYZE");
  // What a migration does: a new index, no figures for it.
  holder.sqlite.exec("CREATE INDEX t_b ON t (b, a)");
  expect(statIndexes(holder)).toEqual(["t_a"]);
  holder.sqlite.close();

  holder = openDatabase(db);
  expect(statIndexes(holder)).toEqual(["t_a", "t_b"]);
  holder.sqlite.close();
});

test("a database never analyzed is left without statistics", () => {
  const db = file();
  let holder = openDatabase(db);
  holder.sqlite.exec("CREATE TABLE t (a INTEGER); CREATE INDEX t_a ON t (a); INSERT INTO t VALUES (1), (2)");
  holder.sqlite.close();
  holder = openDatabase(db);
  expect(holder.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").pluck().get()).toBe(0);
  holder.sqlite.close();
});
