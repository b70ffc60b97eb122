import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Db, type Tx, writeTx } from "../../db";
import { bulkInserter, bulkLoad } from "../../db/bulk";
import { approvals, type NewRequestRow, requestEvents, requestPauses, requests, type RequestRow } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { canReadAgency, canWriteAgency } from "../auth/scope";
import { recordAudit } from "../audit/record";
import { currentCalendar } from "../calendar/queries";
import { type ClockFacts, storedDue } from "../deadlines/clock";
import type { Calendar } from "../deadlines/workdays";
import { AppError } from "../errors";
import { nowIso } from "../time";
import { APPROVAL_KINDS, EVENT_KINDS, type EventKind, STEP_EVENT_KINDS } from "./codes";
import { openPii } from "./pii";
import { deriveStatus } from "./status";

/**
 * The one unit of work for every change to a request (issue 10). In one `BEGIN IMMEDIATE`
 * transaction it loads the request within the actor's write scope, checks the expected version,
 * applies the change, derives the status (A7) and the stored due date (A4) from the facts as
 * they now stand, appends one typed timeline event, writes the audit row with the change set
 * and raises the version. Registration goes through `insertRequests` and an import's batch
 * through `loadRequests`, which derive and record each request by the same functions.
 *
 * The transaction body is synchronous (better-sqlite3 cannot hold a transaction across an
 * await) and everything inside it reads through the handle it is given, never the global
 * connection.
 */

/** The derived fields: written only here, never by a caller. */
type Derived = Pick<RequestRow, "status" | "dueDate" | "dueProvisional" | "clockStopped">;
type Managed = Derived & Pick<RequestRow, "id" | "seq" | "agencyId" | "version" | "createdAt" | "createdBy" | "updatedAt" | "updatedBy">;
export type RequestPatch = Partial<Omit<RequestRow, keyof Managed>>;

export type TimelineEvent = { kind: EventKind; summary: string; data?: unknown };

/** What a change does: the fields it sets, its event on the timeline, its audit action. */
export type Change = {
  patch?: RequestPatch;
  event: TimelineEvent;
  /** The audit action (`request.update`, …); the change set is the request before and after. */
  action: string;
  detail?: Record<string, unknown>;
};

export type Work = { tx: Tx; actor: Actor; before: RequestRow; calendar: Calendar };

/** A recorded pause as the clock and the page read it. */
export type PauseView = ClockFacts["pauses"][number] & { id: string; note: string | null };

export function livePauses(db: Db | Tx, requestIds: string[]): Map<string, PauseView[]> {
  const byRequest = new Map<string, PauseView[]>();
  for (let i = 0; i < requestIds.length; i += 500) {
    const rows = db
      .select({
        id: requestPauses.id,
        requestId: requestPauses.requestId,
        kind: requestPauses.kind,
        fromDate: requestPauses.fromDate,
        toDate: requestPauses.toDate,
        letterReceivedDate: requestPauses.letterReceivedDate,
        note: requestPauses.note,
      })
      .from(requestPauses)
      .where(and(inArray(requestPauses.requestId, requestIds.slice(i, i + 500)), isNull(requestPauses.deletedAt)))
      .orderBy(asc(requestPauses.fromDate), asc(requestPauses.createdAt))
      .all();
    for (const { requestId, ...p } of rows) byRequest.set(requestId, [...(byRequest.get(requestId) ?? []), p]);
  }
  return byRequest;
}

/** The requests among `ids` with a step of handling on their timeline. */
function withSteps(db: Db | Tx, ids: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = db
      .selectDistinct({ id: requestEvents.requestId })
      .from(requestEvents)
      .where(and(inArray(requestEvents.requestId, ids.slice(i, i + 500)), inArray(requestEvents.kind, STEP_EVENT_KINDS)))
      .all();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

/** The kinds of approval still pending for each of `ids` (A7: a pending void, or a pending reply or extension). */
function pendingApprovals(db: Db | Tx, ids: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = db
      .select({ requestId: approvals.requestId, kind: approvals.kind })
      .from(approvals)
      .where(and(inArray(approvals.requestId, ids.slice(i, i + 500)), eq(approvals.status, "pending")))
      .all();
    for (const r of rows) out.set(r.requestId, [...(out.get(r.requestId) ?? []), r.kind]);
  }
  return out;
}

type FactRow = Pick<
  RequestRow,
  | "voidedAt"
  | "acceptedAt"
  | "receivedDate"
  | "supplementNoticeDate"
  | "supplementDeadline"
  | "supplementedDate"
  | "extensionDays"
  | "delayedReplyDate"
  | "outcome"
  | "replyDelivery"
  | "replyDeliveredDate"
>;

/** Status and stored due date from the facts: the same function for a change, an import and a recomputation. */
function derive(calendar: Calendar, row: FactRow, pauses: ClockFacts["pauses"], stepRecorded: boolean, pending: readonly string[] = []): Derived {
  const status = deriveStatus({
    voided: row.voidedAt !== null,
    voidPending: pending.includes("void"),
    approvalPending: pending.some((k) => k !== "void"),
    accepted: row.acceptedAt !== null,
    outcome: row.outcome,
    supplementNoticeDate: row.supplementNoticeDate,
    supplementedDate: row.supplementedDate,
    openPauses: pauses.filter((p) => p.toDate === null).map((p) => p.kind),
    stepRecorded,
  });
  return { status, ...storedDue(calendar, { ...row, pauses }) };
}

function eventRow(actor: Actor, requestId: string, event: TimelineEvent): typeof requestEvents.$inferInsert {
  return { requestId, actorId: actor.id, kind: event.kind, summary: event.summary, data: event.data === undefined ? null : JSON.stringify(event.data) };
}

function appendEvent(tx: Tx, actor: Actor, requestId: string, event: TimelineEvent): void {
  tx.insert(requestEvents).values(eventRow(actor, requestId, event)).run();
}

/** The plain (decrypted) fields of a request, for audit change sets (which mask personal data). */
function plainRecord(row: RequestRow) {
  return { ...row, ...openPii(row) };
}

function staleVersion(expected: number, current: number): AppError {
  return new AppError(
    "CONFLICT",
    `此申请已被他人修改（您编辑的是第 ${expected} 版，当前为第 ${current} 版）。您的修改没有保存，请刷新页面后重新操作。`,
    undefined,
    "stale version",
  );
}

/** The request, if the actor may change it: another agency's is not found; a readable one it may not write is refused. */
function loadWritable(tx: Tx, actor: Actor, id: string): RequestRow {
  const row = tx.select().from(requests).where(eq(requests.id, id)).get();
  if (!row || !canReadAgency(actor, row.agencyId, tx)) throw new AppError("NOT_FOUND", "申请不存在或无权查看");
  if (!canWriteAgency(actor, row.agencyId, tx)) throw new AppError("FORBIDDEN", "只能办理本机关的申请；下级机关的申请由该机关办理");
  if (row.voidedAt) throw new AppError("INVALID", "此申请已作废，不能再办理", undefined, "voided");
  return row;
}

/**
 * A change to one request inside the caller's transaction. `expectedVersion` is the version the
 * user saw; `"current"` is for effects that do not come from an edited form (an appeal recorded
 * on the request), which still raise the version.
 */
export function changeRequestIn(tx: Tx, actor: Actor, id: string, expectedVersion: number | "current", apply: (work: Work) => Change): RequestRow {
  const before = loadWritable(tx, actor, id);
  if (expectedVersion !== "current" && before.version !== expectedVersion) throw staleVersion(expectedVersion, before.version);
  const calendar = currentCalendar(tx);
  const change = apply({ tx, actor, before, calendar });
  const merged = { ...before, ...change.patch };
  // Concluded or voided by this change: what still waited for a decision on it is withdrawn (a
  // pending void may still follow a conclusion). The approval this change decides is already settled.
  if ((merged.outcome && !before.outcome) || (merged.voidedAt && !before.voidedAt)) {
    const kinds = APPROVAL_KINDS.filter((k) => merged.voidedAt || k !== "void");
    tx.update(approvals)
      .set({ status: "withdrawn", decidedAt: nowIso(), returnReason: merged.voidedAt ? "申请已作废，自动撤回" : "申请已办结，自动撤回", version: sql`${approvals.version} + 1` })
      .where(and(eq(approvals.requestId, id), eq(approvals.status, "pending"), inArray(approvals.kind, kinds)))
      .run();
  }
  const stepRecorded = EVENT_KINDS[change.event.kind].step || withSteps(tx, [id]).has(id);
  const derived = derive(calendar, merged, livePauses(tx, [id]).get(id) ?? [], stepRecorded, pendingApprovals(tx, [id]).get(id));
  const result = tx
    .update(requests)
    .set({ ...change.patch, ...derived, version: before.version + 1, updatedAt: nowIso(), updatedBy: actor.id })
    .where(and(eq(requests.id, id), eq(requests.version, before.version)))
    .run();
  if (result.changes !== 1) throw staleVersion(before.version, before.version + 1);
  const after = tx.select().from(requests).where(eq(requests.id, id)).get() as RequestRow;
  appendEvent(tx, actor, id, change.event);
  recordAudit(tx, actor, { action: change.action, objectType: "request", objectId: id, agencyId: before.agencyId, before: plainRecord(before), after: plainRecord(after), detail: change.detail });
  return after;
}

/** A change to one request in its own transaction. */
export function changeRequest(actor: Actor, id: string, expectedVersion: number | "current", apply: (work: Work) => Change): RequestRow {
  return writeTx((tx) => changeRequestIn(tx, actor, id, expectedVersion, apply));
}

/** A new request: its fields (personal data already sealed) and its first event. */
export type NewRequest = {
  values: Omit<NewRequestRow, keyof Managed> & { id: string };
  event: TimelineEvent;
};

/** A registration: a new request with its own audit action and what the audit row shows. */
export type RegisteredRequest = NewRequest & { action: string; audit: Record<string, unknown> };

function nextSeq(tx: Tx): number {
  return tx.get<{ n: number }>(sql`SELECT coalesce(max(seq), 0) + 1 AS n FROM requests`)?.n ?? 1;
}

/**
 * Inserts registered requests of one agency inside the caller's transaction, each derived, put
 * on its timeline and audited like any change.
 */
export function insertRequests(tx: Tx, actor: Actor, agencyId: string, items: RegisteredRequest[]): void {
  insertEach(tx, actor, agencyId, items, nextSeq(tx), (item) =>
    recordAudit(tx, actor, { action: item.action, objectType: "request", objectId: item.values.id, agencyId, after: item.audit }),
  );
}

/**
 * Every new row of an import, inside the caller's transaction, as a bulk load (db/bulk.ts):
 * each derived and put on its timeline by the same functions as a registration, taken one at a
 * time from `items` (never all held at once). Not audited one by one: the caller records the
 * import's one audit row in the same transaction and names it in each request's first event, so
 * every request traces to the import. Returns the number inserted.
 */
export function loadRequests(tx: Tx, actor: Actor, agencyId: string, items: Iterable<NewRequest>): number {
  const firstSeq = nextSeq(tx);
  return bulkLoad(tx, firstSeq, () => insertEach(tx, actor, agencyId, items, firstSeq));
}

function insertEach<T extends NewRequest>(tx: Tx, actor: Actor, agencyId: string, items: Iterable<T>, firstSeq: number, audit?: (item: T) => void): number {
  if (!canWriteAgency(actor, agencyId, tx)) throw new AppError("FORBIDDEN", "只能在本机关登记申请");
  const calendar = currentCalendar(tx);
  let seq = firstSeq;
  const at = nowIso();
  const insertRequest = bulkInserter(tx, requests);
  const insertEvent = bulkInserter(tx, requestEvents);
  let inserted = 0;
  for (const item of items) {
    const v = item.values;
    const facts: FactRow = {
      voidedAt: null,
      acceptedAt: v.acceptedAt ?? null,
      receivedDate: v.receivedDate,
      supplementNoticeDate: v.supplementNoticeDate ?? null,
      supplementDeadline: v.supplementDeadline ?? null,
      supplementedDate: v.supplementedDate ?? null,
      extensionDays: v.extensionDays ?? 0,
      delayedReplyDate: v.delayedReplyDate ?? null,
      outcome: v.outcome ?? null,
      replyDelivery: v.replyDelivery ?? null,
      replyDeliveredDate: v.replyDeliveredDate ?? null,
    };
    const derived = derive(calendar, facts, [], EVENT_KINDS[item.event.kind].step);
    insertRequest({ ...v, ...derived, seq: seq++, agencyId, createdAt: at, createdBy: actor.id });
    insertEvent({ ...eventRow(actor, v.id, item.event), at });
    audit?.(item);
    inserted++;
  }
  return inserted;
}

export type MovedDue = { requestId: string; agencyId: string; serial: string; before: string | null; after: string | null };

/**
 * Re-derives the given rows in one pass (pauses and steps loaded at once, one prepared update)
 * and returns those whose due date moved. Derived state only: no version, no audit — the change
 * that made it necessary (a calendar notice) is audited by its caller.
 */
export function recomputeDerived(tx: Tx, calendar: Calendar, rows: RequestRow[]): MovedDue[] {
  const ids = rows.map((r) => r.id);
  const pauses = livePauses(tx, ids);
  const steps = withSteps(tx, ids);
  const pending = pendingApprovals(tx, ids);
  const update = tx
    .update(requests)
    .set({
      status: sql`${sql.placeholder("status")}`,
      dueDate: sql`${sql.placeholder("dueDate")}`,
      dueProvisional: sql`${sql.placeholder("dueProvisional")}`,
      clockStopped: sql`${sql.placeholder("clockStopped")}`,
    })
    .where(eq(requests.id, sql.placeholder("id")))
    .prepare();
  const moved: MovedDue[] = [];
  for (const row of rows) {
    const d = derive(calendar, row, pauses.get(row.id) ?? [], steps.has(row.id), pending.get(row.id));
    if (d.status === row.status && d.dueDate === row.dueDate && d.dueProvisional === row.dueProvisional && d.clockStopped === row.clockStopped) continue;
    update.run({ id: row.id, status: d.status, dueDate: d.dueDate, dueProvisional: d.dueProvisional ? 1 : 0, clockStopped: d.clockStopped ? 1 : 0 });
    if (d.dueDate !== row.dueDate) moved.push({ requestId: row.id, agencyId: row.agencyId, serial: row.serial, before: row.dueDate, after: d.dueDate });
  }
  return moved;
}

/** After a calendar change: every open request re-derived; those whose due date moved are returned. */
export function recomputeOpenRequests(tx: Tx, calendar: Calendar): MovedDue[] {
  return recomputeDerived(tx, calendar, tx.select().from(requests).where(sql`${requests.voidedAt} IS NULL AND ${requests.outcome} IS NULL`).all());
}

/**
 * Open requests without derived state (written by a bulk load, or reset by a migration when the
 * rules changed) get it at start-up. The same terms as requests_open_undated_idx: an index lookup.
 */
export function fillUnderivedRequests(tx: Tx, calendar: Calendar): number {
  const missing = sql`voided_at IS NULL AND outcome IS NULL AND due_date IS NULL AND clock_stopped = 0`;
  const rows = tx.select().from(requests).where(missing).all();
  if (rows.length > 0) recomputeDerived(tx, calendar, rows);
  return rows.length;
}
