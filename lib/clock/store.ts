import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db";
import { readCalendar } from "../calendar/store";
import { requestPauses, requests, type RequestRow } from "../../db/schema";
import type { Calendar } from "../calendar/workdays";
import { todayInChina } from "../dates";
import { type ClockFacts, clockOf, storedDue } from "./view";

/** A recorded pause as the page lists it (the clock reads kind, from and to). */
export type PauseView = ClockFacts["pauses"][number] & { id: string; note: string | null };

export function livePauses(tx: Db | Tx, requestIds: string[]): Map<string, PauseView[]> {
  const byRequest = new Map<string, PauseView[]>();
  if (requestIds.length === 0) return byRequest;
  for (let i = 0; i < requestIds.length; i += 500) {
    const rows = tx
      .select({ id: requestPauses.id, requestId: requestPauses.requestId, kind: requestPauses.kind, fromDate: requestPauses.fromDate, toDate: requestPauses.toDate, note: requestPauses.note })
      .from(requestPauses)
      .where(and(inArray(requestPauses.requestId, requestIds.slice(i, i + 500)), isNull(requestPauses.deletedAt)))
      .orderBy(asc(requestPauses.fromDate), asc(requestPauses.createdAt))
      .all();
    for (const { requestId, ...p } of rows) byRequest.set(requestId, [...(byRequest.get(requestId) ?? []), p]);
  }
  return byRequest;
}

/** Recomputes the stored due date of one request (inside the caller's transaction). Derived data: no version, no audit. */
export function refreshClock(tx: Tx, calendar: Calendar, requestId: string): void {
  const row = tx.select().from(requests).where(eq(requests.id, requestId)).get();
  if (row) recomputeRows(tx, calendar, [row]);
}

export type MovedDue = { requestId: string; agencyId: string; serial: string; before: string | null; after: string | null };

/**
 * Recomputes the stored due dates of the given rows in one pass (pauses loaded at once, one
 * prepared update) and returns those whose date moved.
 */
function recomputeRows(tx: Tx, calendar: Calendar, rows: RequestRow[]): MovedDue[] {
  const pauses = livePauses(tx, rows.map((r) => r.id));
  const today = todayInChina();
  const update = tx
    .update(requests)
    .set({ dueDate: sql`${sql.placeholder("dueDate")}`, dueProvisional: sql`${sql.placeholder("dueProvisional")}`, clockStopped: sql`${sql.placeholder("clockStopped")}` })
    .where(eq(requests.id, sql.placeholder("id")))
    .prepare();
  const moved: MovedDue[] = [];
  for (const row of rows) {
    const stored = storedDue(clockOf(calendar, { ...row, pauses: pauses.get(row.id) ?? [] }, today));
    if (stored.dueDate === row.dueDate && stored.dueProvisional === row.dueProvisional && stored.clockStopped === row.clockStopped) continue;
    update.run({ id: row.id, dueDate: stored.dueDate, dueProvisional: stored.dueProvisional ? 1 : 0, clockStopped: stored.clockStopped ? 1 : 0 });
    if (stored.dueDate !== row.dueDate) moved.push({ requestId: row.id, agencyId: row.agencyId, serial: row.serial, before: row.dueDate, after: stored.dueDate });
  }
  return moved;
}

/**
 * After a calendar change: recomputes every open request's due date (and whether it is
 * provisional) and returns those whose date moved.
 */
export function recomputeOpenClocks(tx: Tx, calendar: Calendar): MovedDue[] {
  return recomputeRows(tx, calendar, tx.select().from(requests).where(sql`${requests.deletedAt} IS NULL AND ${requests.outcome} IS NULL`).all());
}

/** Open requests recorded before due dates were stored (or by a bulk load) get theirs when the database opens. */
export function fillMissingClocks(db: Db): void {
  // The same terms as requests_open_undated_idx, so that this is an index lookup.
  const missing = sql`deleted_at IS NULL AND outcome IS NULL AND due_date IS NULL AND clock_stopped = 0`;
  if (!db.select({ id: requests.id }).from(requests).where(missing).limit(1).get()) return;
  db.transaction((tx) => recomputeRows(tx, readCalendar(tx), tx.select().from(requests).where(missing).all()), { behavior: "immediate" });
}
