import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, blob, index, primaryKey, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ROLES } from "../lib/auth/roles";
import { APPEAL_KINDS, APPEAL_RESULTS } from "../lib/appeals/codes";
import { PAUSE_KINDS, REPLY_DELIVERIES } from "../lib/calendar/codes";
import { APPLICANT_TYPES, APPROVAL_KINDS, APPROVAL_STATUSES, CHANNELS, EVENT_KIND_CODES, OUTCOMES, REQUEST_STATUSES } from "../lib/requests/codes";

/*
 * Conventions: ids are opaque random text; instants are ISO-8601 UTC text (`…Z`); calendar
 * dates are `YYYY-MM-DD` text (stack.md pitfall 14). Records are never hard-deleted:
 * `deleted_at` marks a soft delete. Personal data columns end in `_enc` (AES-256-GCM) and have
 * a keyed hash `_hash` beside them for exact lookup (lib/pii).
 */

const createdAt = () => text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const agencies = sqliteTable(
  "agencies",
  {
    id: text("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    parentId: text("parent_id").references((): AnySQLiteColumn => agencies.id),
    // The agency's settings (domain.md A8; lib/agencies/settings.ts reads them with their defaults).
    /** The short name before a document number (〔2026〕3号 → 某府信公〔2026〕3号). */
    shortName: text("short_name"),
    /** 即将到期: due within this many working days, and within the urgent few. */
    dueSoonDays: integer("due_soon_days").notNull().default(5),
    dueUrgentDays: integer("due_urgent_days").notNull().default(2),
    /** 1: 审核 only; 2: 审核 then 签发. */
    approvalLevels: integer("approval_levels").notNull().default(1),
    /** Whether the registering clerk may assign (分办) the requests they registered. */
    clerkMayAssign: integer("clerk_may_assign", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
    deletedAt: text("deleted_at"),
  },
  (t) => [uniqueIndex("agencies_code_unique").on(t.code), index("agencies_parent_idx").on(t.parentId)],
);

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull().default(""),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    disabledAt: text("disabled_at"),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: text("locked_until"),
    passwordChangedAt: text("password_changed_at"),
    lastLoginAt: text("last_login_at"),
    // Two-factor login (TOTP, RFC 6238): the secret encrypted like personal data; while enrolling
    // the new secret waits in totp_pending_enc; recovery codes as keyed hashes, used ones removed.
    totpSecretEnc: text("totp_secret_enc"),
    totpPendingEnc: text("totp_pending_enc"),
    totpEnabledAt: text("totp_enabled_at"),
    totpLastStep: integer("totp_last_step"),
    totpRecovery: text("totp_recovery"),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [uniqueIndex("users_username_unique").on(sql`lower(${t.username})`), index("users_agency_idx").on(t.agencyId)],
);

/** Server-side sessions: the JWT only carries the id; every request checks the row. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
    lastSeenAt: text("last_seen_at"),
    /** When the second factor was given in this session (null: not yet, or not needed). */
    secondFactorAt: text("second_factor_at"),
    revokedAt: text("revoked_at"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** System settings an admin sets, one row a key (the value as text); lib/settings knows the keys and defaults. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: text("updated_at").notNull(),
  updatedBy: text("updated_by"),
});

/**
 * Failed logins by client address (the throttle of issue 12): an address that keeps failing is
 * answered more slowly; it never locks an account or delays a correct password. Rows older
 * than a day are pruned.
 */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    address: text("address").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("login_failures_address_idx").on(t.address, t.at)],
);

/** One registered disclosure request (申请); fields follow the ledger format of interfaces.md. */
export const requests = sqliteTable(
  "requests",
  {
    id: text("id").primaryKey(),
    // A stable integer key for the full-text index (rowids of a text-keyed table may change on VACUUM).
    seq: integer("seq").notNull(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    serial: text("serial").notNull(),
    status: text("status", { enum: REQUEST_STATUSES }).notNull().default("registered"),
    channel: text("channel", { enum: CHANNELS }),
    // domain.md A3: the raw arrival and the confirmation are stored; the receipt date is derived
    // from them and may be edited with a reason.
    arrivedDate: text("arrived_date"),
    confirmedDate: text("confirmed_date"),
    receivedDate: text("received_date").notNull(),
    receivedDateReason: text("received_date_reason"),
    applicantType: text("applicant_type", { enum: APPLICANT_TYPES }).notNull(),
    applicantName: text("applicant_name").notNull(),
    idNumberEnc: text("id_number_enc"),
    idNumberHash: text("id_number_hash"),
    creditCodeEnc: text("credit_code_enc"),
    creditCodeHash: text("credit_code_hash"),
    phoneEnc: text("phone_enc"),
    phoneHash: text("phone_hash"),
    address: text("address"),
    email: text("email"),
    content: text("content").notNull(),
    requestedForm: text("requested_form"),
    deliveryMethod: text("delivery_method"),
    outcome: text("outcome", { enum: OUTCOMES }),
    concludedDate: text("concluded_date"),
    // domain.md A1: what decided between 予以公开 and 部分公开, stored with the choice.
    withheldUnderExemptions: integer("withheld_under_exemptions", { mode: "boolean" }).notNull().default(false),
    partNotAvailable: integer("part_not_available", { mode: "boolean" }).notNull().default(false),
    replyNumber: text("reply_number"),
    handler: text("handler"),
    handlerUserId: text("handler_user_id").references(() => users.id),
    extensionDays: integer("extension_days").notNull().default(0),
    // The statutory clock (domain.md A4): 补正, extension, Art 35 delay and delivery of the reply.
    supplementNoticeDate: text("supplement_notice_date"),
    supplementDeadline: text("supplement_deadline"),
    supplementedDate: text("supplemented_date"),
    extensionApprovedBy: text("extension_approved_by"),
    extensionApprovedDate: text("extension_approved_date"),
    extensionNoticeDate: text("extension_notice_date"),
    delayedReplyDate: text("delayed_reply_date"),
    delayedNoticeDate: text("delayed_notice_date"),
    replyDelivery: text("reply_delivery", { enum: REPLY_DELIVERIES }),
    replyDeliveredDate: text("reply_delivered_date"),
    // Derived from the above, the pauses and the calendar (lib/clock): the due date of an open
    // request whose clock runs; NULL once concluded, or while the clock stands (a pause without
    // an end, or a 补正 notice not yet answered: then clock_stopped is set).
    dueDate: text("due_date"),
    dueProvisional: integer("due_provisional", { mode: "boolean" }).notNull().default(false),
    clockStopped: integer("clock_stopped", { mode: "boolean" }).notNull().default(false),
    feeYuan: text("fee_yuan"),
    feePaidDate: text("fee_paid_date"),
    notes: text("notes"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    createdBy: text("created_by"),
    updatedAt: text("updated_at"),
    updatedBy: text("updated_by"),
    // 分办 / 签收 (A8): who assigned the handler and when; when the handler accepted it.
    assignedAt: text("assigned_at"),
    assignedBy: text("assigned_by"),
    acceptedAt: text("accepted_at"),
    // 作废 (A8): a registration made in error, voided on a supervisor's approval. Never deleted;
    // excluded from every count and list (the live indexes below are partial on voided_at IS NULL).
    voidedAt: text("voided_at"),
    voidedBy: text("voided_by"),
    voidReason: text("void_reason"),
  },
  (t) => [
    uniqueIndex("requests_agency_serial_unique").on(t.agencyId, t.serial),
    uniqueIndex("requests_seq_unique").on(t.seq),
    // The register's filters, each ordered as the list sorts (received date, then seq), and
    // partial on live rows so that a page and its count never read the table itself.
    // These two also cover the report's aggregation (lib/reports/engine.ts): counts by applicant
    // type and outcome come from the index alone, never from the table.
    index("requests_live_received_idx").on(t.agencyId, t.receivedDate, t.seq, t.applicantType).where(sql`voided_at IS NULL`),
    index("requests_live_concluded_idx")
      .on(t.agencyId, t.concludedDate, t.seq, t.outcome, t.applicantType, t.receivedDate)
      .where(sql`voided_at IS NULL`),
    index("requests_live_status_idx").on(t.agencyId, t.status, t.receivedDate, t.seq).where(sql`voided_at IS NULL`),
    index("requests_live_outcome_idx").on(t.agencyId, t.outcome, t.receivedDate, t.seq).where(sql`voided_at IS NULL`),
    index("requests_live_type_idx").on(t.agencyId, t.applicantType, t.receivedDate, t.seq).where(sql`voided_at IS NULL`),
    // handler_user_id last: the handler filter (an imported name where no user is set) counts from the index alone.
    index("requests_live_handler_idx").on(t.agencyId, t.handler, t.receivedDate, t.seq, t.handlerUserId).where(sql`voided_at IS NULL`),
    index("requests_live_handler_user_idx").on(t.handlerUserId, t.receivedDate, t.seq).where(sql`voided_at IS NULL AND handler_user_id IS NOT NULL`),
    // Open requests by due date: the register's due-date sort and the overdue / due-soon filters.
    index("requests_live_due_idx").on(t.agencyId, t.dueDate, t.seq).where(sql`voided_at IS NULL AND due_date IS NOT NULL`),
    index("requests_live_stopped_idx").on(t.agencyId, t.receivedDate, t.seq).where(sql`voided_at IS NULL AND clock_stopped = 1`),
    // Open requests still without a stored due date (a bulk load, a migrated database): filled on open.
    index("requests_open_undated_idx").on(t.seq).where(sql`voided_at IS NULL AND outcome IS NULL AND due_date IS NULL AND clock_stopped = 0`),
    // Section 六 fees: only the few requests that were charged.
    index("requests_live_fee_idx").on(t.agencyId, t.feePaidDate, t.concludedDate, t.feeYuan).where(sql`voided_at IS NULL AND fee_yuan IS NOT NULL`),
    // 我的待办 (its count is on every page): a handler's open requests, by due date.
    index("requests_open_handler_idx").on(t.handlerUserId, t.dueDate).where(sql`voided_at IS NULL AND outcome IS NULL AND handler_user_id IS NOT NULL`),
    // The register's 已作废 filter: the few voided requests of an agency.
    index("requests_voided_idx").on(t.agencyId, t.receivedDate, t.seq).where(sql`voided_at IS NOT NULL`),
    // Exact lookups by keyed hash (the same applicant across applications): rows without one are not indexed.
    index("requests_id_number_hash_idx").on(t.idNumberHash).where(sql`id_number_hash IS NOT NULL`),
    index("requests_phone_hash_idx").on(t.phoneHash).where(sql`phone_hash IS NOT NULL`),
    index("requests_credit_code_hash_idx").on(t.creditCodeHash).where(sql`credit_code_hash IS NOT NULL`),
  ],
);

/**
 * An appeal case (行政复议 or 行政诉讼) in which the agency is the respondent, one record per case
 * number (domain.md A2). `result` is the report column; a recorded `decision` decides it.
 */
export const appeals = sqliteTable(
  "appeals",
  {
    id: text("id").primaryKey(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    requestId: text("request_id")
      .notNull()
      .references(() => requests.id),
    caseNumber: text("case_number").notNull(),
    kind: text("kind", { enum: APPEAL_KINDS }).notNull(),
    afterReview: integer("after_review", { mode: "boolean" }).notNull().default(false),
    filedDate: text("filed_date").notNull(),
    decidingBody: text("deciding_body"),
    decision: text("decision"),
    result: text("result", { enum: APPEAL_RESULTS }).notNull(),
    decidedDate: text("decided_date"),
    notes: text("notes"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    createdBy: text("created_by"),
    updatedAt: text("updated_at"),
    updatedBy: text("updated_by"),
    deletedAt: text("deleted_at"),
  },
  (t) => [
    uniqueIndex("appeals_agency_case_unique").on(t.agencyId, t.caseNumber),
    index("appeals_agency_decided_idx").on(t.agencyId, t.decidedDate),
    index("appeals_agency_filed_idx").on(t.agencyId, t.filedDate),
    index("appeals_request_idx").on(t.requestId),
  ],
);

/** Section 二 figures of an agency and year (entered, not computed): the `proactive` object of the report JSON. */
export const proactiveFigures = sqliteTable(
  "proactive_figures",
  {
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    year: integer("year").notNull(),
    data: text("data").notNull(),
    updatedAt: text("updated_at").notNull(),
    updatedBy: text("updated_by"),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.year] })],
);

/**
 * The tables published for a year before the agency's records begin, entered once, so that the
 * first computed year can be checked against them (carried_in = last year's carried_out).
 */
export const reportBaselines = sqliteTable(
  "report_baselines",
  {
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    year: integer("year").notNull(),
    data: text("data").notNull(),
    updatedAt: text("updated_at").notNull(),
    updatedBy: text("updated_by"),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.year] })],
);

/** The editable text of sections 一、五、六 of a year's report; numbers are placeholders filled from the tables. */
export const reportNarratives = sqliteTable(
  "report_narratives",
  {
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    year: integer("year").notNull(),
    overview: text("overview").notNull(),
    problems: text("problems").notNull(),
    other: text("other").notNull(),
    updatedAt: text("updated_at").notNull(),
    updatedBy: text("updated_by"),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.year] })],
);

/** A finalized year (A6): the report frozen as published, with its checks and who froze it. */
export const reportSnapshots = sqliteTable(
  "report_snapshots",
  {
    id: text("id").primaryKey(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    year: integer("year").notNull(),
    includeChildren: integer("include_children", { mode: "boolean" }).notNull().default(false),
    data: text("data").notNull(),
    narrative: text("narrative").notNull(),
    overrideReason: text("override_reason"),
    frozenAt: text("frozen_at").notNull(),
    frozenBy: text("frozen_by").notNull(),
  },
  (t) => [index("report_snapshots_agency_year_idx").on(t.agencyId, t.year, t.frozenAt)],
);

/**
 * The working-day calendar (domain.md A4): the State Council's notice of each year as dates —
 * holidays (放假) and make-up working days (调休上班). Shipped years are loaded when the
 * database is created; an admin adds next year's notice.
 */
export const calendarYears = sqliteTable("calendar_years", {
  year: integer("year").primaryKey(),
  source: text("source").notNull(),
  updatedAt: text("updated_at").notNull(),
  // NULL for a shipped year; the admin who entered the notice otherwise.
  enteredBy: text("entered_by").references(() => users.id),
});

export const calendarDays = sqliteTable(
  "calendar_days",
  {
    date: text("date").primaryKey(),
    year: integer("year")
      .notNull()
      .references(() => calendarYears.year),
    kind: text("kind", { enum: ["holiday", "makeup"] }).notNull(),
    name: text("name"),
  },
  (t) => [index("calendar_days_year_idx").on(t.year)],
);

/** A change of a year's calendar, with the open requests whose due date moved (for the admin). */
export const calendarChanges = sqliteTable(
  "calendar_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    year: integer("year").notNull(),
    at: createdAt(),
    actorId: text("actor_id").references(() => users.id),
    // JSON: [{ requestId, agencyId, serial, before, after }]
    moved: text("moved").notNull(),
  },
  (t) => [index("calendar_changes_year_idx").on(t.year, t.id)],
);

/**
 * A pause of a request's clock (A4): consultation of a third party (Art 32) or of other
 * agencies (Art 34), or the fee period. Without `to_date` it is still running.
 */
export const requestPauses = sqliteTable(
  "request_pauses",
  {
    id: text("id").primaryKey(),
    requestId: text("request_id")
      .notNull()
      .references(() => requests.id),
    kind: text("kind", { enum: PAUSE_KINDS }).notNull(),
    fromDate: text("from_date").notNull(),
    toDate: text("to_date"),
    // Art 32: the day the third party received the consultation letter (its 15 working days run from it).
    letterReceivedDate: text("letter_received_date"),
    note: text("note"),
    createdAt: createdAt(),
    createdBy: text("created_by"),
    updatedAt: text("updated_at"),
    updatedBy: text("updated_by"),
    deletedAt: text("deleted_at"),
    deletedBy: text("deleted_by"),
  },
  (t) => [index("request_pauses_request_idx").on(t.requestId)],
);

/**
 * A ledger file uploaded for import, kept only between its preview and its confirmation: the
 * file AES-256-GCM encrypted (it holds ID and phone numbers), the row deleted when the import is
 * committed or a day after the upload (lib/ledger/uploads.ts).
 */
export const importUploads = sqliteTable(
  "import_uploads",
  {
    id: text("id").primaryKey(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    filename: text("filename").notNull(),
    bytesEnc: blob("bytes_enc", { mode: "buffer" }).notNull(),
    ignoreUnknown: integer("ignore_unknown", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("import_uploads_created_idx").on(t.createdAt)],
);

/**
 * A step of the work that waits for someone's decision (domain.md A8): a reply draft (拟办) going
 * through 审核 (and 签发 with two levels), an extension or an Art 35 later reply date, a void. The
 * proposal is `payload` (JSON, validated by lib/work); nothing on the request changes until the
 * last approval applies it. Returned or withdrawn approvals stay, with their reason.
 */
export const approvals = sqliteTable(
  "approvals",
  {
    id: text("id").primaryKey(),
    requestId: text("request_id")
      .notNull()
      .references(() => requests.id),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    kind: text("kind", { enum: APPROVAL_KINDS }).notNull(),
    status: text("status", { enum: APPROVAL_STATUSES }).notNull().default("pending"),
    payload: text("payload").notNull(),
    reason: text("reason"),
    /** The levels it needs (the agency's setting when it was submitted) and those given so far. */
    levels: integer("levels").notNull().default(1),
    levelsDone: integer("levels_done").notNull().default(0),
    requestedBy: text("requested_by")
      .notNull()
      .references(() => users.id),
    requestedAt: text("requested_at").notNull(),
    firstApprovedBy: text("first_approved_by").references(() => users.id),
    firstApprovedAt: text("first_approved_at"),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: text("decided_at"),
    decidedDate: text("decided_date"),
    returnReason: text("return_reason"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("approvals_request_idx").on(t.requestId, t.status),
    index("approvals_pending_idx").on(t.agencyId, t.requestedAt).where(sql`status = 'pending'`),
    index("approvals_requester_idx").on(t.requestedBy, t.status),
  ],
);

/** The timeline of a request: every step, who took it and when. */
export const requestEvents = sqliteTable(
  "request_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    requestId: text("request_id")
      .notNull()
      .references(() => requests.id),
    at: createdAt(),
    actorId: text("actor_id"),
    kind: text("kind", { enum: EVENT_KIND_CODES }).notNull(),
    summary: text("summary").notNull().default(""),
    data: text("data"),
  },
  (t) => [index("request_events_request_idx").on(t.requestId, t.id)],
);

/**
 * The audit trail: append-only (triggers in the migration refuse UPDATE and DELETE) and
 * chained — `hash` covers the row's content and `prev_hash`, so an edit or removal breaks the
 * chain (lib/audit/chain.ts).
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    actorId: text("actor_id"),
    actorName: text("actor_name").notNull(),
    actorRole: text("actor_role").notNull(),
    agencyId: text("agency_id"),
    action: text("action").notNull(),
    objectType: text("object_type").notNull(),
    objectId: text("object_id"),
    result: text("result", { enum: ["success", "denied", "failure"] }).notNull(),
    changes: text("changes"),
    prevHash: text("prev_hash").notNull(),
    /** HMAC-SHA256 of the row (keyed rows), or the plain SHA-256 of rows written before the key (lib/audit/chain.ts). */
    hash: text("hash").notNull(),
    /** The number of the transaction that appended the row; null on rows chained before the key. */
    commitSeq: integer("commit_seq"),
  },
  (t) => [index("audit_log_object_idx").on(t.objectType, t.objectId), index("audit_log_actor_idx").on(t.actorId)],
);

export type Agency = typeof agencies.$inferSelect;
export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type RequestRow = typeof requests.$inferSelect;
export type NewRequestRow = typeof requests.$inferInsert;
export type RequestEvent = typeof requestEvents.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
export type AppealRow = typeof appeals.$inferSelect;
export type ApprovalRow = typeof approvals.$inferSelect;
