import { getTableColumns, getTableName, is, SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { currentTxScope, getSqlite, type Tx } from ".";

/**
 * Rows into one table through one prepared single-row statement, inside the open
 * `writeTx` (the same connection, so the same transaction). For an import's hundred thousand
 * rows: drizzle's query builder costs more per row than SQLite itself (it builds and prepares
 * each multi-row statement anew), so the statement is built once from the table's columns and
 * each row is bound to it as it comes (no batch is held in memory). Values go through each column's driver mapping (booleans, JSON);
 * a column left out takes its static default or `$defaultFn`, else NULL; a column whose only
 * default is an SQL expression must be given (nothing can bind it).
 */
export function bulkInserter<T extends SQLiteTable>(tx: Tx, table: T): (row: T["$inferInsert"]) => void {
  void tx; // the caller's transaction: proves one is open (the statement runs on its connection)
  if (!currentTxScope()) throw new Error("bulkInserter outside writeTx");
  const columns = Object.entries(getTableColumns(table)) as [string, SQLiteColumn][];
  const names = columns.map(([, c]) => `"${c.name}"`).join(", ");
  const statement = getSqlite().prepare(`INSERT INTO "${getTableName(table)}" (${names}) VALUES (${columns.map(() => "?").join(", ")})`);
  const fill = columns.map(([key, column]) => {
    const fallback = column.defaultFn ? column.defaultFn : column.hasDefault && !is(column.default, SQL) ? () => column.default : null;
    const sqlDefault = column.hasDefault && is(column.default, SQL) && !column.defaultFn;
    return (row: Record<string, unknown>) => {
      let value = row[key];
      if (value === undefined) {
        if (sqlDefault) throw new Error(`bulkInserter: ${getTableName(table)}.${column.name} needs a value`);
        value = fallback ? fallback() : null;
      }
      return value === null ? null : column.mapToDriverValue(value);
    };
  });
  return (row) => {
    statement.run(fill.map((f) => f(row as Record<string, unknown>)));
  };
}

/** The page cache of a bulk load (KiB, as SQLite counts a negative cache_size). */
const BULK_CACHE_KIB = 64 * 1024;

/**
 * Runs `load` (which inserts requests, seq from `firstSeq` on) as a bulk load, inside the
 * caller's transaction:
 * - the search index is filled once at the end instead of row by row: FTS5 flushes its pending
 *   terms at every statement a trigger runs in, so a hundred thousand single-row inserts wrote a
 *   hundred thousand index segments. The insert trigger is dropped, the new rows are indexed in
 *   one statement, and the trigger is created again from its own stored definition; all of it
 *   commits or rolls back with the rows;
 * - the page cache is raised for the load (the indexes of a large batch no longer fit the
 *   default 2 MB, and dirty pages spilled to the WAL mid-transaction) and set back after it.
 */
export function bulkLoad<T>(tx: Tx, firstSeq: number, load: () => T): T {
  void tx;
  if (!currentTxScope()) throw new Error("bulkLoad outside writeTx");
  const sqlite = getSqlite();
  const cache = sqlite.pragma("cache_size", { simple: true }) as number;
  sqlite.pragma(`cache_size = ${-BULK_CACHE_KIB}`);
  try {
    const trigger = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'requests_fts_insert'").get() as { sql: string } | undefined;
    if (!trigger) return load();
    sqlite.exec("DROP TRIGGER requests_fts_insert");
    const result = load();
    sqlite.prepare("INSERT INTO requests_fts (rowid, serial, applicant_name, content) SELECT seq, serial, applicant_name, content FROM requests WHERE seq >= ?").run(firstSeq);
    sqlite.exec(trigger.sql);
    return result;
  } finally {
    sqlite.pragma(`cache_size = ${cache}`);
  }
}
