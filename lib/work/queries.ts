import "server-only";
import { and, type AnyColumn, asc, desc, eq, inArray, isNotNull, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import { getDb } from "../../db";
import { approvals, type ApprovalRow, requestPauses, requests, users } from "../../db/schema";
import { agencySettings } from "../agencies/settings";
import type { Actor } from "../auth/actor";
import { assertCan, can } from "../auth/permissions";
import { scopeOf } from "../auth/scope";
import { currentCalendar } from "../calendar/queries";
import { dueSoonLimit, workdaysLeft } from "../deadlines/clock";
import { addWorkdays } from "../deadlines/workdays";
import { AppError } from "../errors";
import { handlerName } from "../requests/queries";
import { decidableKinds, decisionRefusal } from "./decisions";
import type { ReplyProposal } from "./schemas";

/**
 * What waits for whom (domain.md A8): 我的待办, the approvals waiting for a decision, the
 * approvals of one request. Scoped like every read (lib/auth/scope): the work lists cover the
 * agencies the user may write (a supervisor's own agency), the approvals of a request its readers.
 */

const userName = (id: AnyColumn) => sql<string | null>`(SELECT coalesce(nullif(u.display_name, ''), u.username) FROM users u WHERE u.id = ${id})`;

export type ApprovalListItem = Pick<ApprovalRow, "id" | "kind" | "status" | "levels" | "levelsDone" | "requestedAt" | "reason" | "version" | "requestedBy" | "firstApprovedBy"> & {
  requestId: string;
  serial: string;
  applicantName: string;
  content: string;
  dueDate: string | null;
  requestedByName: string | null;
};

function approvalColumns() {
  return {
    id: approvals.id,
    kind: approvals.kind,
    status: approvals.status,
    levels: approvals.levels,
    levelsDone: approvals.levelsDone,
    requestedAt: approvals.requestedAt,
    reason: approvals.reason,
    version: approvals.version,
    requestedBy: approvals.requestedBy,
    firstApprovedBy: approvals.firstApprovedBy,
    requestId: requests.id,
    serial: requests.serial,
    applicantName: requests.applicantName,
    content: requests.content,
    dueDate: requests.dueDate,
    requestedByName: userName(approvals.requestedBy),
  };
}

function writeAgencies(actor: Actor): string[] | "all" {
  const { write } = scopeOf(actor);
  return write === "all" ? "all" : [...write];
}

function inAgencies(column: typeof requests.agencyId | typeof approvals.agencyId, ids: string[] | "all"): SQL | undefined {
  return ids === "all" ? undefined : inArray(column, ids.length ? ids : [""]);
}

/**
 * Approvals waiting for the actor, in SQL: of kinds they may decide (lib/work/decisions.ts), in
 * their agency, not their own, not the 审核 they gave; undefined when they decide nothing.
 */
function awaitingWhere(actor: Actor): SQL | undefined {
  const kinds = decidableKinds(actor);
  if (kinds.length === 0) return undefined;
  return and(
    eq(approvals.status, "pending"),
    isNull(requests.voidedAt),
    inAgencies(approvals.agencyId, writeAgencies(actor)),
    inArray(approvals.kind, kinds),
    actor.id ? ne(approvals.requestedBy, actor.id) : undefined,
    actor.id ? or(isNull(approvals.firstApprovedBy), ne(approvals.firstApprovedBy, actor.id)) : undefined,
  );
}

export function approvalsAwaiting(actor: Actor): ApprovalListItem[] {
  assertCan(actor, "requests.read", "无权查看审批事项");
  const where = awaitingWhere(actor);
  if (!where) return [];
  return getDb().select(approvalColumns()).from(approvals).innerJoin(requests, eq(requests.id, approvals.requestId)).where(where).orderBy(asc(approvals.requestedAt)).all();
}

/** How many approvals wait for the actor (the menu's count: counted, not loaded). */
function approvalsAwaitingCount(actor: Actor): number {
  const where = awaitingWhere(actor);
  if (!where) return 0;
  return getDb().select({ n: sql<number>`count(*)` }).from(approvals).innerJoin(requests, eq(requests.id, approvals.requestId)).where(where).get()?.n ?? 0;
}

export type ApprovalDetail = ApprovalRow & {
  requestedByName: string | null;
  firstApprovedByName: string | null;
  decidedByName: string | null;
  proposal: ReplyProposal | Record<string, unknown>;
  /** Whether the actor may decide it now (the page shows the form only then; the action checks again). */
  mayDecide: boolean;
  /** Why not, when they may not (lib/work/decisions.ts), for the approval page to say. */
  refusal: string | null;
};

/** Every approval of a request (the request's page), newest first; the request's scope was checked by the caller's getRequest. */
export function approvalsOfRequest(actor: Actor, requestId: string): ApprovalDetail[] {
  assertCan(actor, "requests.read", "无权查看审批事项");
  const rows = getDb()
    .select({
      row: approvals,
      requestedByName: userName(approvals.requestedBy),
      firstApprovedByName: userName(approvals.firstApprovedBy),
      decidedByName: userName(approvals.decidedBy),
    })
    .from(approvals)
    .innerJoin(requests, eq(requests.id, approvals.requestId))
    .where(and(eq(approvals.requestId, requestId), inAgencies(requests.agencyId, readAgencies(actor))))
    .orderBy(desc(approvals.requestedAt))
    .all();
  const writable = writeAgencies(actor);
  return rows.map(({ row, ...names }) => {
    const refusal = writable === "all" || writable.includes(row.agencyId) ? decisionRefusal(actor, row)?.message ?? null : "只能审批本机关的事项";
    return { ...row, ...names, proposal: JSON.parse(row.payload) as ReplyProposal, mayDecide: refusal === null, refusal };
  });
}

function readAgencies(actor: Actor): string[] | "all" {
  const { read } = scopeOf(actor);
  return read === "all" ? "all" : [...read];
}

/** One approval with its request's id, if the actor may read the request. */
export function getApproval(actor: Actor, approvalId: string): ApprovalDetail {
  const found = getDb().select({ requestId: approvals.requestId }).from(approvals).where(eq(approvals.id, approvalId)).get();
  const detail = found ? approvalsOfRequest(actor, found.requestId).find((a) => a.id === approvalId) : undefined;
  if (!detail) throw new AppError("NOT_FOUND", "审批事项不存在或无权查看");
  return detail;
}

export type TodoItem = {
  requestId: string;
  serial: string;
  applicantName: string;
  content: string;
  /** The date that makes it urgent (a due date, a deadline), if any. */
  date: string | null;
  /** Working days to `date` (negative: past). */
  left: number | null;
  note: string;
};

export type Todo = {
  overdue: TodoItem[];
  dueSoon: TodoItem[];
  toAccept: TodoItem[];
  returned: TodoItem[];
  supplementsDue: TodoItem[];
  consultationsDue: TodoItem[];
  submitted: TodoItem[];
  /** Supervisors: the approvals waiting for them, the requests waiting to be assigned, overdue across their agencies, each handler's load. */
  approvals: ApprovalListItem[];
  toAssign: TodoItem[];
  agencyOverdue: TodoItem[];
  load: { userId: string; name: string; open: number; overdue: number }[];
  thresholds: { soon: number; urgent: number };
};

const LIMIT = 50;

/**
 * 我的待办 (A8 item 2): the actor's requests by urgency, and for a supervisor what waits for them.
 * Third-party answers are due 15 working days after the letter was received (Art 32).
 */
export function myTodo(actor: Actor, today: string): Todo {
  assertCan(actor, "requests.read", "无权查看待办");
  const db = getDb();
  const calendar = currentCalendar();
  const settings = actor.agencyId ? agencySettings(actor.agencyId) : null;
  const soon = settings?.dueSoonDays ?? 5;
  const urgent = settings?.dueUrgentDays ?? 2;
  const soonLimit = dueSoonLimit(calendar, today, soon);
  const me = actor.id ?? "";
  const live = and(isNull(requests.voidedAt), isNull(requests.outcome));
  const mine = and(live, eq(requests.handlerUserId, me));
  const base = { requestId: requests.id, serial: requests.serial, applicantName: requests.applicantName, content: requests.content, dueDate: requests.dueDate };
  const item = (r: { requestId: string; serial: string; applicantName: string; content: string }, date: string | null, note: string): TodoItem => ({
    requestId: r.requestId,
    serial: r.serial,
    applicantName: r.applicantName,
    content: r.content,
    date,
    left: date ? workdaysLeft(calendar, today, date) : null,
    note,
  });
  const byDue = (where: SQL | undefined, note: (left: number) => string) =>
    db
      .select(base)
      .from(requests)
      .where(where)
      .orderBy(asc(requests.dueDate), asc(requests.seq))
      .limit(LIMIT)
      .all()
      .map((r) => item(r, r.dueDate, note(workdaysLeft(calendar, today, r.dueDate as string))));

  const overdue = byDue(and(mine, sql`${requests.dueDate} < ${today}`), (left) => `已逾期 ${-left} 个工作日`);
  const dueSoon = byDue(and(mine, sql`${requests.dueDate} >= ${today} AND ${requests.dueDate} <= ${soonLimit}`), (left) =>
    left <= urgent ? `紧急：${left} 个工作日内到期` : `${left} 个工作日内到期`,
  );
  const toAccept = db
    .select(base)
    .from(requests)
    .where(and(mine, isNull(requests.acceptedAt)))
    .orderBy(asc(requests.assignedAt))
    .limit(LIMIT)
    .all()
    .map((r) => item(r, r.dueDate, "待签收"));
  const supplementsDue = db
    .select({ ...base, deadline: requests.supplementDeadline })
    .from(requests)
    .where(and(mine, isNotNull(requests.supplementNoticeDate), isNull(requests.supplementedDate)))
    .orderBy(asc(requests.supplementDeadline))
    .limit(LIMIT)
    .all()
    .map((r) => item(r, r.deadline, r.deadline ? `补正期限 ${r.deadline}` : "等待补正"));
  const consultationsDue = db
    .select({ ...base, letter: requestPauses.letterReceivedDate, from: requestPauses.fromDate })
    .from(requestPauses)
    .innerJoin(requests, eq(requests.id, requestPauses.requestId))
    .where(and(mine, eq(requestPauses.kind, "third_party"), isNull(requestPauses.toDate), isNull(requestPauses.deletedAt)))
    .limit(LIMIT)
    .all()
    .map((r) => {
      const due = r.letter ? addWorkdays(calendar, r.letter, 15).date : null;
      return item(r, due, due ? `第三方意见期限 ${due}` : `征求第三方意见（${r.from} 起）`);
    });
  // A returned reply draft is the current handler's to redo while nothing newer is pending or approved.
  const returned = db
    .select({ ...base, kind: approvals.kind, comment: approvals.returnReason })
    .from(approvals)
    .innerJoin(requests, eq(requests.id, approvals.requestId))
    .where(
      and(
        mine,
        eq(approvals.kind, "reply"),
        eq(approvals.status, "returned"),
        sql`NOT EXISTS (SELECT 1 FROM approvals later WHERE later.request_id = ${approvals.requestId} AND later.kind = ${approvals.kind} AND later.requested_at > ${approvals.requestedAt})`,
      ),
    )
    .orderBy(desc(approvals.decidedAt))
    .limit(LIMIT)
    .all()
    .map((r) => item(r, r.dueDate, `退回：${r.comment ?? ""}`));
  const submitted = db
    .select({ ...base, kind: approvals.kind, levelsDone: approvals.levelsDone })
    .from(approvals)
    .innerJoin(requests, eq(requests.id, approvals.requestId))
    .where(and(eq(approvals.requestedBy, me), eq(approvals.status, "pending")))
    .orderBy(asc(approvals.requestedAt))
    .limit(LIMIT)
    .all()
    .map((r) => item(r, r.dueDate, r.levelsDone > 0 ? "已审核，待签发" : "待审核"));

  const supervising = actor.role === "system" || can(actor.role, "requests.assign");
  const agencies = writeAgencies(actor);
  const inMine = inAgencies(requests.agencyId, agencies);
  const toAssign = supervising
    ? db
        .select(base)
        .from(requests)
        .where(and(live, inMine, isNull(requests.handlerUserId)))
        .orderBy(asc(requests.receivedDate), asc(requests.seq))
        .limit(LIMIT)
        .all()
        .map((r) => item(r, r.dueDate, "待分办"))
    : [];
  const agencyOverdue = supervising
    ? db
        .select({ ...base, handler: handlerName })
        .from(requests)
        .where(and(live, inMine, sql`${requests.dueDate} < ${today}`))
        .orderBy(asc(requests.dueDate), asc(requests.seq))
        .limit(LIMIT)
        .all()
        .map((r) => item(r, r.dueDate, `已逾期 ${-workdaysLeft(calendar, today, r.dueDate as string)} 个工作日 · 承办人 ${r.handler ?? "未分办"}`))
    : [];
  const load = supervising
    ? db
        .select({
          userId: users.id,
          name: sql<string>`coalesce(nullif(${users.displayName}, ''), ${users.username})`,
          open: sql<number>`count(${requests.id})`,
          overdue: sql<number>`coalesce(sum(${requests.dueDate} < ${today}), 0)`,
        })
        .from(requests)
        .innerJoin(users, eq(users.id, requests.handlerUserId))
        .where(and(live, inMine))
        .groupBy(users.id)
        .orderBy(desc(sql`count(${requests.id})`))
        .all()
    : [];
  return {
    overdue,
    dueSoon,
    toAccept,
    returned,
    supplementsDue,
    consultationsDue,
    submitted,
    approvals: approvalsAwaiting(actor),
    toAssign,
    agencyOverdue,
    load,
    thresholds: { soon, urgent },
  };
}

/** The number beside 我的待办 in the navigation: what the actor has to act on (accept, redo, decide, overdue). */
export function todoCount(actor: Actor, today: string): number {
  if (actor.role === "system" || !can(actor.role, "requests.read") || !actor.id) return 0;
  const db = getDb();
  const me = actor.id;
  const mine = db.get<{ n: number }>(sql`
    SELECT count(*) AS n FROM requests
    WHERE handler_user_id = ${me} AND voided_at IS NULL AND outcome IS NULL
      AND (accepted_at IS NULL OR due_date < ${today})`)?.n ?? 0;
  const returned = db.get<{ n: number }>(sql`
    SELECT count(*) AS n FROM requests r JOIN approvals a ON a.request_id = r.id
    WHERE r.handler_user_id = ${me} AND r.voided_at IS NULL AND r.outcome IS NULL AND a.kind = 'reply' AND a.status = 'returned'
      AND NOT EXISTS (SELECT 1 FROM approvals later WHERE later.request_id = a.request_id AND later.kind = a.kind AND later.requested_at > a.requested_at)`)?.n ?? 0;
  return mine + returned + approvalsAwaitingCount(actor);
}
