import { closeDb, type Db, getDb } from "../db";
import { readCalendar } from "./calendar/queries";
import { loadShippedCalendar } from "./calendar/shipped";
import { flushRefusals } from "./audit/denied";
import { ensureLocalSecrets } from "./env";
import { purgeAbandonedUploads } from "./ledger/upload-purge";
import { fillUnderivedRequests } from "./requests/unit-of-work";
import { sql } from "drizzle-orm";
import { now } from "./time";

/**
 * The start-up step (issue 10/11): the database opened by `db/` is only migrated; here the
 * shipped holiday calendars are loaded when missing and open requests without derived state
 * (a bulk load, or a migration that changed the rules) get their status and due date. The
 * server's instrumentation, every CLI command and the test base run it; when there is nothing
 * to do it writes nothing.
 */
export function prepareDatabase(db: Db = getDb()): void {
  loadShippedCalendar(db);
  // The same terms as requests_open_undated_idx: an index lookup, and no write when none is missing.
  const missing = db.get(sql`SELECT 1 FROM requests WHERE voided_at IS NULL AND outcome IS NULL AND due_date IS NULL AND clock_stopped = 0 LIMIT 1`);
  if (missing) db.transaction((tx) => fillUnderivedRequests(tx, readCalendar(tx)), { behavior: "immediate" });
}

/**
 * Secrets present, database created, migrated and brought up to date, uploads left unconfirmed
 * for a day purged (issue 13): what every entry point needs first.
 */
export function prepareApp(): void {
  ensureLocalSecrets();
  prepareDatabase();
  purgeAbandonedUploads(now());
}

export function shutdownApp(): void {
  flushRefusals({ all: true });
  closeDb();
}
