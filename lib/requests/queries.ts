import "server-only";
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { getDb } from "../../db";
import { agencies, requestEvents, requests, type RequestRow, users } from "../../db/schema";
import { getAgencyByCode } from "../agencies/queries";
import type { Actor } from "../auth/actor";
import { assertCan, can } from "../auth/permissions";
import { scopeOf } from "../auth/scope";
import { recordAuditAlone } from "../audit/record";
import { AppError } from "../errors";
import { currentCalendar } from "../calendar/queries";
import { dueSoonLimit, workdaysLeft } from "../deadlines/clock";
import { maskCreditCode, maskIdNumber, maskPhone } from "../pii/mask";
import { openPii } from "./pii";
import { type RequestStatus, REQUEST_STATUSES } from "./codes";
import { DUE_FILTERS, type ListFilter } from "./schemas";

type DueFilter = (typeof DUE_FILTERS)[number];

/**
 * The rows of the register the actor may read (issue 2 §5: scoped in the data layer). Voided
 * requests (A8) are left out of every list and count; `"only"` lists them (the register's
 * 已作废 filter), `"any"` finds one by id.
 */
function scopeWhere(actor: Actor, voided: "live" | "only" | "any" = "live"): SQL | undefined {
  assertCan(actor, "requests.read", "无权查看申请");
  const ids = scopeOf(actor).read;
  const live = voided === "live" ? isNull(requests.voidedAt) : voided === "only" ? isNotNull(requests.voidedAt) : undefined;
  if (ids === "all") return live;
  return and(live, ids.length === 1 ? eq(requests.agencyId, ids[0]) : inArray(requests.agencyId, ids.length ? [...ids] : [""]));
}

/** The handler as shown: the user's name when one is set, else the free text of an imported ledger. */
export const handlerName = sql<string | null>`coalesce((SELECT coalesce(nullif(u.display_name, ''), u.username) FROM users u WHERE u.id = ${requests.handlerUserId}), ${requests.handler})`;

type Pii = { idNumber: string; creditCode: string; phone: string };
export type RequestView = Omit<RequestRow, "idNumberEnc" | "idNumberHash" | "creditCodeEnc" | "creditCodeHash" | "phoneEnc" | "phoneHash"> &
  Pii & { piiRevealed: boolean; agencyName: string; handlerName: string | null };

function toView(row: RequestRow, reveal: boolean, agencyName: string, handlerName: string | null): RequestView {
  const { idNumberEnc: _a, idNumberHash: _b, creditCodeEnc: _c, creditCodeHash: _d, phoneEnc: _e, phoneHash: _f, ...rest } = row;
  const pii = openPii(row);
  return reveal
    ? { ...rest, ...pii, piiRevealed: true, agencyName, handlerName }
    : {
        ...rest,
        idNumber: maskIdNumber(pii.idNumber),
        creditCode: maskCreditCode(pii.creditCode),
        phone: maskPhone(pii.phone),
        piiRevealed: false,
        agencyName,
        handlerName,
      };
}

/** One request; personal data in full only with `pii.view` on the request's own page. */
export function getRequest(actor: Actor, id: string, options: { revealPii?: boolean } = {}): RequestView {
  const found = getDb()
    .select({ row: requests, agencyName: agencies.name, handlerName })
    .from(requests)
    .innerJoin(agencies, eq(requests.agencyId, agencies.id))
    .where(and(scopeWhere(actor, "any"), eq(requests.id, id)))
    .get();
  if (!found) throw new AppError("NOT_FOUND", "申请不存在或无权查看");
  const reveal = Boolean(options.revealPii) && (actor.role === "system" || can(actor.role, "pii.view"));
  const { idNumberEnc, creditCodeEnc, phoneEnc } = found.row;
  if (reveal && actor.role !== "system" && (idNumberEnc || creditCodeEnc || phoneEnc)) {
    // Reading personal data in full is itself recorded.
    recordAuditAlone(actor, { action: "request.view_pii", objectType: "request", objectId: id, agencyId: found.row.agencyId });
  }
  return toView(found.row, reveal, found.agencyName, found.handlerName);
}

export function listTimeline(actor: Actor, id: string) {
  getRequest(actor, id);
  return getDb()
    .select({ id: requestEvents.id, at: requestEvents.at, kind: requestEvents.kind, summary: requestEvents.summary, actor: users.username, actorName: users.displayName })
    .from(requestEvents)
    .leftJoin(users, eq(requestEvents.actorId, users.id))
    .where(eq(requestEvents.requestId, id))
    .orderBy(asc(requestEvents.id))
    .all();
}

export const PAGE_SIZE = 50;
/**
 * Counting stops here: past it the list says "more than" instead of reading every index entry
 * of a huge register for a number nobody needs exactly (pages still go on; the year's exact
 * figures are the annual report's). Counting 100 000 index entries was a fifth of the server's
 * time on an unfiltered register of 500 000 requests (profile, issue 15).
 */
export const COUNT_CAP = 10_000;

/** A phrase for FTS5: quoted, inner quotes doubled, so it is matched as a substring. */
function ftsPhrase(q: string): string {
  return `"${q.replace(/"/g, '""')}"`;
}

function likeEscape(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterWhere(actor: Actor, f: Partial<ListFilter>, today: string): SQL | undefined {
  const parts: (SQL | undefined)[] = [scopeWhere(actor, f.status === "voided" ? "only" : "live")];
  if (f.status && f.status !== "voided") parts.push(eq(requests.status, f.status));
  if (f.type) parts.push(eq(requests.applicantType, f.type));
  if (f.outcome === "open") parts.push(isNull(requests.outcome));
  else if (f.outcome) parts.push(eq(requests.outcome, f.outcome));
  if (f.from) parts.push(gte(requests.receivedDate, f.from));
  if (f.to) parts.push(lte(requests.receivedDate, f.to));
  if (f.cfrom) parts.push(gte(requests.concludedDate, f.cfrom));
  if (f.cto) parts.push(lte(requests.concludedDate, f.cto));
  if (f.handler) {
    // The handler as shown: a user of that name, or the imported free text where no user is set.
    const named = getDb()
      .select({ id: users.id })
      .from(users)
      .where(or(eq(users.displayName, f.handler), and(eq(users.displayName, ""), eq(users.username, f.handler))))
      .all()
      .map((u) => u.id);
    const imported = and(isNull(requests.handlerUserId), eq(requests.handler, f.handler));
    parts.push(named.length ? or(imported, inArray(requests.handlerUserId, named)) : imported);
  }
  if (f.openAfter) parts.push(or(isNull(requests.concludedDate), sql`${requests.concludedDate} > ${f.openAfter}`));
  if (f.due) {
    if (f.due === "overdue") parts.push(sql`${requests.dueDate} < ${today}`);
    // A literal 1, not a bound parameter: it matches the partial index requests_live_stopped_idx.
    else if (f.due === "stopped") parts.push(sql`clock_stopped = 1`);
    else parts.push(sql`${requests.dueDate} >= ${today} AND ${requests.dueDate} <= ${dueSoonLimit(currentCalendar(), today, Number(f.due))}`);
  }
  if (f.agency) {
    const agency = getAgencyByCode(f.agency);
    parts.push(eq(requests.agencyId, agency?.id ?? ""));
  }
  if (f.q) {
    // Three characters or more: the trigram index. Shorter (a two-character name): a scan.
    if ([...f.q].length >= 3) {
      parts.push(sql`${requests.seq} IN (SELECT rowid FROM requests_fts WHERE requests_fts MATCH ${ftsPhrase(f.q)})`);
    } else {
      const like = `%${likeEscape(f.q)}%`;
      parts.push(
        or(
          sql`${requests.serial} LIKE ${like} ESCAPE '\\'`,
          sql`${requests.applicantName} LIKE ${like} ESCAPE '\\'`,
          sql`${requests.content} LIKE ${like} ESCAPE '\\'`,
        ),
      );
    }
  }
  return and(...parts);
}

const ORDER = {
  received_desc: [desc(requests.receivedDate), desc(requests.seq)],
  received_asc: [asc(requests.receivedDate), asc(requests.seq)],
  serial_asc: [asc(requests.serial)],
  serial_desc: [desc(requests.serial)],
  concluded_desc: [sql`${requests.concludedDate} IS NULL`, desc(requests.concludedDate), desc(requests.seq)],
  // Open requests by due date (the most urgent first), then those whose clock stands, then the rest.
} as const;

export type RequestListRow = Pick<
  RequestRow,
  "id" | "serial" | "receivedDate" | "applicantType" | "applicantName" | "content" | "status" | "outcome" | "concludedDate" | "handler" | "channel" | "dueDate" | "dueProvisional" | "clockStopped"
> & { agencyName: string; /** Working days to the due date (negative: overdue), for open requests with a running clock. */ left: number | null };

/** Rows matching, all of them (for sets an index keeps small: open requests by due date). */
function countAll(where: SQL | undefined): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(requests).where(where).get()?.n ?? 0;
}

/** Rows matching, counted up to one past the cap. */
function countCapped(where: SQL | undefined): number {
  const db = getDb();
  const capped = db.select({ id: requests.id }).from(requests).where(where).limit(COUNT_CAP + 1).as("capped");
  return db.select({ n: sql<number>`count(*)` }).from(capped).get()?.n ?? 0;
}

/** The register: filtered, sorted, one page at a time; no personal data is read for a list. */
export function listRequests(actor: Actor, filter: Partial<ListFilter>, today: string): { rows: RequestListRow[]; total: number; capped: boolean; page: number; pageSize: number } {
  const where = filterWhere(actor, filter, today);
  const page = filter.page ?? 1;
  const db = getDb();
  const page_ = (w: SQL | undefined, order: readonly SQL[] | SQL[], limit: number, offset: number) =>
    db
      .select({
        id: requests.id,
        serial: requests.serial,
        receivedDate: requests.receivedDate,
        applicantType: requests.applicantType,
        applicantName: requests.applicantName,
        content: sql<string>`substr(${requests.content}, 1, 80)`,
        status: requests.status,
        outcome: requests.outcome,
        concludedDate: requests.concludedDate,
        handler: handlerName,
        channel: requests.channel,
        dueDate: requests.dueDate,
        dueProvisional: requests.dueProvisional,
        clockStopped: requests.clockStopped,
        // A scalar subquery for the 50 rows shown, not a join: with requests alone in FROM the
        // planner reads the filter's index in list order instead of sorting every match.
        agencyName: sql<string>`(SELECT name FROM agencies WHERE agencies.id = ${requests.agencyId})`,
      })
      .from(requests)
      .where(w)
      .orderBy(...order)
      .limit(limit)
      .offset(offset)
      .all();
  const offset = (page - 1) * PAGE_SIZE;
  let rows: ReturnType<typeof page_>;
  if (filter.sort === "due_asc") {
    // Two runs, each in index order: the running clocks by due date (the partial due index),
    // then everything else newest first — rather than one sort of the whole register.
    // Where the dated run ends is known from the page itself, or counted exactly (never capped:
    // past the cap the page would start the undated run too early).
    const dated = and(where, isNotNull(requests.dueDate));
    rows = page_(dated, [asc(requests.dueDate), asc(requests.seq)], PAGE_SIZE, offset);
    if (rows.length < PAGE_SIZE) {
      const datedCount = rows.length > 0 ? offset + rows.length : countAll(dated);
      rows = rows.concat(page_(and(where, isNull(requests.dueDate)), ORDER.received_desc, PAGE_SIZE - rows.length, Math.max(0, offset - datedCount)));
    }
  } else {
    rows = page_(where, ORDER[filter.sort ?? "received_desc"], PAGE_SIZE, offset);
  }
  const calendar = rows.some((r) => r.dueDate) ? currentCalendar() : undefined;
  const withLeft = rows.map((r) => ({ ...r, left: calendar && r.dueDate ? workdaysLeft(calendar, today, r.dueDate) : null }));
  const counted = countCapped(where);
  return { rows: withLeft, total: Math.min(counted, COUNT_CAP), capped: counted > COUNT_CAP, page, pageSize: PAGE_SIZE };
}

/** How many open requests are overdue, due within 2 or 5 working days, or have their clock stopped (the 工作台). */
export function dueCounts(actor: Actor, today: string): Record<DueFilter, number> {
  // Exact: the 工作台 states them as figures (the partial due and stopped indexes keep them small).
  return Object.fromEntries(DUE_FILTERS.map((due) => [due, countAll(filterWhere(actor, { due }, today))])) as Record<DueFilter, number>;
}

/** The statuses of a request still being worked on (the 工作台 counts them). */
export const OPEN_STATUSES = REQUEST_STATUSES.filter((s) => s !== "concluded" && s !== "voided");

/** How many open requests are in each status (the derived status stored on the row, as the register's filter reads it). */
export function statusCounts(actor: Actor): Record<RequestStatus, number> {
  const counts = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as Record<RequestStatus, number>;
  const rows = getDb()
    .select({ status: requests.status, n: sql<number>`count(*)` })
    .from(requests)
    .where(and(scopeWhere(actor), inArray(requests.status, OPEN_STATUSES)))
    .groupBy(requests.status)
    .all();
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/**
 * The handlers as the register shows them (users and imported names), for the filter's choices:
 * the users set as handler on a live request of the scope, and the imported free-text names
 * of live requests with no user set. Found by index seeks, never a walk of the register (a
 * DISTINCT over an agency's 100 000 requests cost each page ~100 ms): the users by
 * requests_live_handler_user_idx, the names by stepping through requests_live_handler_idx from
 * one distinct value to the next.
 */
export function listHandlers(actor: Actor): string[] {
  assertCan(actor, "requests.read", "无权查看申请");
  const db = getDb();
  const scope = scopeOf(actor).read;
  const agencyIds = scope === "all" ? db.select({ id: agencies.id }).from(agencies).all().map((a) => a.id) : [...scope];
  const names = new Set<string>();
  for (const agencyId of agencyIds) {
    const userNames = db.all<{ name: string }>(sql`
      SELECT coalesce(nullif(u.display_name, ''), u.username) AS name FROM users u
      WHERE EXISTS (SELECT 1 FROM requests r WHERE r.handler_user_id = u.id AND r.voided_at IS NULL AND r.agency_id = ${agencyId})`);
    const imported = db.all<{ name: string }>(sql`
      WITH RECURSIVE h(name) AS (
        SELECT (SELECT min(handler) FROM requests WHERE agency_id = ${agencyId} AND voided_at IS NULL AND handler > '')
        UNION ALL
        SELECT (SELECT min(handler) FROM requests WHERE agency_id = ${agencyId} AND voided_at IS NULL AND handler > h.name) FROM h WHERE h.name IS NOT NULL
        LIMIT 200
      )
      SELECT name FROM h WHERE name IS NOT NULL
        AND EXISTS (SELECT 1 FROM requests r WHERE r.agency_id = ${agencyId} AND r.voided_at IS NULL AND r.handler = h.name AND r.handler_user_id IS NULL)`);
    for (const { name } of [...userNames, ...imported]) names.add(name);
  }
  return [...names].sort((a, b) => a.localeCompare(b, "zh-CN")).slice(0, 200);
}

/** The next serial of the agency for a year: `YYYY-0001`, one past the highest of that form. */
export function proposeSerial(actor: Actor, receivedYear: number): string {
  if (!actor.agencyId) return `${receivedYear}-0001`;
  const prefix = `${receivedYear}-`;
  const rows = getDb()
    .select({ serial: requests.serial })
    .from(requests)
    .where(and(eq(requests.agencyId, actor.agencyId), sql`${requests.serial} >= ${prefix} AND ${requests.serial} < ${`${receivedYear}.`}`))
    .all();
  let max = 0;
  for (const { serial } of rows) {
    const m = /^\d{4}-(\d+)$/.exec(serial);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}${String(max + 1).padStart(4, "0")}`;
}
