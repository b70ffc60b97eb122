import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { getCurrentUser } from "@/lib/auth/current";
import { ROLES, type Role } from "@/lib/auth/roles";
import { addDays } from "@/lib/dates";
import { isAppError } from "@/lib/errors";
import {
  agencySlice,
  auditActionsSince,
  buildWorld,
  count,
  fingerprint,
  lastAuditId,
  ledgerCsv,
  PASSWORD,
  requirePasswordChange,
  restoreWorld,
  sessionRow,
  userRow,
  type UserKey,
  versionOf,
  type World,
} from "./authz-world";

/**
 * Every exported Server Action, called by someone who may not call it, is refused and writes
 * nothing. The actions are found by reading app/ (every module whose first statement is
 * "use server"), not from the permission matrix: a new action without an entry in FIXTURES
 * below fails the suite, and so does an entry whose action is gone.
 *
 * Per action: anonymous; a role without the permission (same agency as the target); a
 * permitted role of another agency; the parent agency's supervisor on a child's request
 * (write scope is the own agency only); a permitted user who must still change its initial
 * password; and the positive control — the permitted user of the target's agency with the
 * same arguments succeeds, so the refusals are not validation errors. Actions that act on the
 * caller's own agency by construction are called by other agencies with agency A smuggled into
 * the form, and must write their own agency only.
 *
 * "Nothing written" compares a fingerprint of every data table before and after; the audit
 * trail is checked separately (a refused permission appends `access.denied`, nothing else).
 */

/* ------------------------------------------------------------------------------------------ */
/* Mocks: Next.js and Auth.js are replaced at their edges only; sessions are real rows.        */

const h = vi.hoisted(() => {
  /** What redirect()/forbidden()/notFound() throw here, so a test can tell where it would go. */
  class Navigation extends Error {
    constructor(
      readonly how: "redirect" | "forbidden" | "notFound",
      readonly to: string | null = null,
    ) {
      super(`navigation: ${how} ${to ?? ""}`);
    }
  }
  return { Navigation, session: { sid: null as string | null, secret: null as string | null, proto: "http", cookieName: "authjs.session-token" } };
});

// lib/auth/current.ts reads the session from the request's cookie: the request's headers carry
// an Auth.js session token (encrypted as Auth.js encrypts it) naming a real row of the sessions
// table, which current.ts decodes and checks with loadSessionUser as in production.
vi.mock("next/headers", async () => {
  const { encode } = await import("next-auth/jwt");
  const { authSecret } = await import("@/lib/env");
  return {
    headers: async () => {
      // Next.js sets x-forwarded-proto on every request (http here, https behind a TLS proxy).
      if (!h.session.sid) return new Headers({ "x-forwarded-proto": h.session.proto });
      const salt = h.session.cookieName;
      const token = await encode({ token: { sid: h.session.sid }, secret: h.session.secret ?? authSecret(), salt });
      return new Headers({ "x-forwarded-proto": h.session.proto, cookie: `${salt}=${token}` });
    },
  };
});
vi.mock("@/lib/auth/auth", () => ({
  handlers: {},
  auth: async () => {
    throw new Error("the app reads its session through lib/auth/current, not auth()");
  },
  // The Credentials provider of lib/auth/auth.ts, as NextAuth runs it: attemptLogin, a
  // CredentialsSignin on failure, a redirect on success.
  signIn: async (_provider: string, options: { username: string; password: string; redirectTo: string }) => {
    const { attemptLogin } = await import("@/lib/auth/login");
    const { CredentialsSignin } = await import("@auth/core/errors");
    const result = await attemptLogin(options.username, options.password, "vitest");
    if (!result.ok) {
      const error = new CredentialsSignin();
      if (result.reason === "locked") error.code = "locked";
      throw error;
    }
    throw new h.Navigation("redirect", options.redirectTo);
  },
  signOut: async (options: { redirectTo: string }) => {
    throw new h.Navigation("redirect", options.redirectTo);
  },
}));
// The real next-auth entry imports next/server, which Node cannot resolve outside Next; the
// login action only needs its error classes, which next-auth re-exports from @auth/core.
vi.mock("next-auth", async () => {
  const errors = await import("@auth/core/errors");
  return { AuthError: errors.AuthError, CredentialsSignin: errors.CredentialsSignin };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new h.Navigation("redirect", to);
  },
  forbidden: () => {
    throw new h.Navigation("forbidden");
  },
  notFound: () => {
    throw new h.Navigation("notFound");
  },
}));

/* ------------------------------------------------------------------------------------------ */
/* Enumeration: the Server Action modules under app/ and their exports.                         */

type ServerAction = (...args: unknown[]) => Promise<unknown>;

const ROOT = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|jsx|mjs)$/.test(entry.name) && !/\.test\./.test(entry.name) ? [full] : [];
  });
}

/** The module-level directive, read with the TypeScript parser (comments before it are fine). */
function isServerActionModule(file: string): boolean {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false, /x$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const first = source.statements[0];
  return first !== undefined && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server";
}

const actionFiles = sourceFiles(path.join(ROOT, "app"))
  .filter(isServerActionModule)
  .map((file) => path.relative(ROOT, file).split(path.sep).join("/"))
  .sort();

const actions = new Map<string, ServerAction>();
/** Exports of a "use server" module that are not async functions (Next.js refuses those). */
const notActions: string[] = [];
for (const file of actionFiles) {
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value === "function" && value.constructor.name === "AsyncFunction") actions.set(`${file}#${name}`, value as ServerAction);
    else notActions.push(`${file}#${name}`);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Fixtures: one entry per action — who may call it, valid arguments, what it acts on.         */

type Outcome =
  /** An AppError escaped the action: an HTTP 500 in production, never a refusal (see isRefused). */
  | { kind: "threw"; code: string; message: string }
  | { kind: "navigated"; how: "redirect" | "forbidden" | "notFound"; to: string | null }
  | { kind: "returned"; status: string; message?: string; value: unknown };

type Who = UserKey | "anonymous";
type FormOf = (fields: Record<string, string | Blob>) => FormData;
/** Builds valid arguments from the world (read at call time: versions move). */
type Args = (w: World, form: FormOf) => unknown[];

type Common = {
  /** The roles that are allowed to call it (the intent, written out — not read from the matrix). */
  permitted: readonly Role[];
  /** Valid arguments, or several named variants when one action does several things. */
  args: Args | Record<string, Args>;
  /** What the permitted call returns. */
  success: (o: Outcome) => boolean;
  /** Extra checks of the positive control: runs before the call, returns what to check after it. */
  effect?: (w: World, who: Who) => () => void;
};

/** What an action acts on: this decides which of the cases apply to it. */
type Target =
  /** By id, a request (or an import upload) of agency A: the other-agency and parent cases apply. */
  | { kind: "request" | "upload" }
  /**
   * By id, a request of agency A whose assigned handler is the caller (签收, 退回, 拟办, asking for
   * more time): the other-agency cases apply; the role case does not, since a colleague of any
   * role who is not the handler is refused by the rule "only the handler" (lib/work/work.test.ts).
   */
  | { kind: "handler"; why: string }
  /** The signed-in user's own agency by construction (no agency among the arguments). */
  | { kind: "own-agency" }
  /** Admin only; admins are system-wide, so there is no other-agency case. */
  | { kind: "system"; why: string }
  /** The signed-in user itself. */
  | { kind: "self"; why: string }
  /** Reachable without a session by design. */
  | {
      kind: "public";
      why: string;
      permitsAnonymous?: boolean;
      /** What an anonymous caller is refused with, and what that refusal may write. */
      anonymous?: { args: Args; mayWrite: string[]; mayAudit: string[] };
    };

type Fixture = Common & Target;

const IDLE = { status: "idle" } as const;
const REPORT_YEAR = 2025;

const redirectTo = (pattern: RegExp) => (o: Outcome) => o.kind === "navigated" && o.how === "redirect" && pattern.test(o.to ?? "");
const returned = (status: string) => (o: Outcome) => o.kind === "returned" && o.status === status;
/** An upload's preview or commit answers with its import job; a small file's job has ended, carrying its summary. */
const importReturned = (kind: "preview" | "commit") => (o: Outcome) => {
  if (!returned("success")(o)) return false;
  const job = (o as { value: { data?: { state?: string; result?: { kind: string; summary: { errors: unknown[] } } } } }).value.data;
  return job?.state === "done" && job.result?.kind === kind && job.result.summary.errors.length === 0;
};
const savedAs = (saved: string) => redirectTo(new RegExp(`^/requests/[^/?#]+\\?saved=${saved}$`));
const clockSaved = (saved: string) => redirectTo(new RegExp(`^/requests/[^/?#]+\\?saved=${saved}#clock$`));

const REGISTER: Role[] = ["clerk", "supervisor"];
const SUPERVISOR: Role[] = ["supervisor"];
const ADMIN: Role[] = ["admin"];
const SYSTEM_WHY = "admin-only system settings; admins are system-wide, so there is no other-agency case";

/** The form of the request editor, unchanged except for the handler. */
const requestEdit = (w: World, form: FormOf, id: string) =>
  form({ version: versionOf(id), serial: "E-1", channel: "in_person", arrivedDate: w.received, applicantType: "natural", applicantName: "申请人", content: "申请公开某文件", handler: "改过的承办人" });

const FIXTURES: Record<string, Fixture> = {
  "app/(app)/account/password/actions.ts#changePasswordAction": {
    kind: "self",
    why: "every signed-in user may change its own password: no role or agency case; anonymous is refused",
    permitted: ROLES,
    args: (_w, form) => [IDLE, form({ current: PASSWORD, next: "Another-pass-456", confirm: "Another-pass-456" })],
    success: redirectTo(/^\/\?password=changed$/),
    // The positive control smuggles another user's id into the form (see `smuggled`): only the
    // signed-in user's own row may change.
    effect: (w, who) => {
      const victim = userRow(w.users["auditor.health"].id);
      const own = userRow(w.users[who as UserKey].id);
      return () => {
        expect(userRow(w.users["auditor.health"].id)).toEqual(victim);
        expect(userRow(w.users[who as UserKey].id).password_hash).not.toBe(own.password_hash);
      };
    },
  },
  "app/(auth)/login/2fa/actions.ts#verifySecondFactorAction": {
    kind: "self",
    why: "the second step of a login acts on the caller's own pending session only (lib/auth/second-factor.test.ts covers it); anonymous is refused",
    permitted: [],
    args: (_w, form) => [IDLE, form({ code: "123456" })],
    success: redirectTo(/^\/$/),
  },
  "app/(auth)/login/2fa/actions.ts#confirmEnrollmentAction": {
    kind: "self",
    why: "enrolling a second factor acts on the caller's own account only (lib/auth/second-factor.test.ts covers it); anonymous is refused",
    permitted: [],
    args: (_w, form) => [IDLE, form({ code: "123456" })],
    success: returned("success"),
  },
  "app/(app)/actions.ts#logoutAction": {
    kind: "public",
    why: "logout needs no permission: anonymous it revokes nothing and goes to /login; signed in it revokes its own session only",
    permitted: ROLES,
    args: () => [],
    success: redirectTo(/^\/login$/),
    effect: (w, who) => () => {
      expect(sessionRow(w.users[who as UserKey].sid).revoked_at).not.toBeNull();
      expect(sessionRow(w.users["clerk.health"].sid).revoked_at).toBeNull();
    },
  },
  "app/(auth)/login/actions.ts#loginAction": {
    kind: "public",
    why: "login is public by design; an anonymous caller with a wrong password gets an error state and no session (not a bypass)",
    permitted: [],
    permitsAnonymous: true,
    args: (_w, form) => [IDLE, form({ username: "clerk.edu", password: PASSWORD })],
    success: redirectTo(/^\/todo$/),
    // A failed login is counted against the account (lockout) and audited: those writes are the design.
    anonymous: { args: (_w, form) => [IDLE, form({ username: "clerk.edu", password: "Wrong-pass-000" })], mayWrite: ["users", "login_failures"], mayAudit: ["auth.login"] },
    effect: (w) => {
      const sessions = count("SELECT count(*) AS n FROM sessions WHERE user_id = ?", w.users["clerk.edu"].id);
      return () => expect(count("SELECT count(*) AS n FROM sessions WHERE user_id = ?", w.users["clerk.edu"].id)).toBe(sessions + 1);
    },
  },

  "app/(app)/admin/agencies/actions.ts#createAgencyAction": {
    kind: "system",
    why: SYSTEM_WHY,
    permitted: ADMIN,
    args: (_w, form) => [IDLE, form({ code: "newdept", name: "某县新设局", parentCode: "county" })],
    success: returned("success"),
  },
  "app/(app)/admin/agencies/actions.ts#renameAgencyAction": {
    kind: "system",
    why: SYSTEM_WHY,
    permitted: ADMIN,
    args: (w, form) => [IDLE, form({ id: w.agencies.edu, name: "某县教育和体育局" })],
    success: returned("success"),
  },
  "app/(app)/admin/calendar/actions.ts#saveCalendarAction": {
    kind: "system",
    why: SYSTEM_WHY,
    permitted: ADMIN,
    // 2027 is not shipped, so this enters a new year.
    args: (_w, form) => [2027, IDLE, form({ source: "国务院办公厅关于2027年部分节假日安排的通知", newyearFrom: "2027-01-01", newyearTo: "2027-01-01" })],
    success: returned("success"),
  },
  "app/(app)/admin/users/actions.ts#createUserAction": {
    kind: "system",
    why: SYSTEM_WHY,
    permitted: ADMIN,
    args: (_w, form) => [IDLE, form({ username: "new.clerk", displayName: "新用户", role: "clerk", agencyCode: "edu" })],
    success: returned("success"),
  },
  "app/(app)/admin/users/actions.ts#savePasswordPolicyAction": {
    kind: "system",
    why: SYSTEM_WHY,
    permitted: ADMIN,
    args: (_w, form) => [IDLE, form({ passwordMaxAgeDays: "60" })],
    success: returned("success"),
  },
  "app/(app)/admin/users/actions.ts#userRowAction": {
    kind: "system",
    why: SYSTEM_WHY,
    permitted: ADMIN,
    args: {
      disable: (w, form) => [IDLE, form({ id: w.users["clerk.health"].id, intent: "disable" })],
      reset: (w, form) => [IDLE, form({ id: w.users["clerk.health"].id, intent: "reset" })],
      role: (w, form) => [IDLE, form({ id: w.users["clerk.health"].id, intent: "role", role: "auditor" })],
      unlock: (w, form) => [IDLE, form({ id: w.users["clerk.health"].id, intent: "unlock" })],
    },
    success: returned("success"),
  },

  "app/(app)/reports/actions.ts#saveProactiveAction": {
    kind: "own-agency",
    permitted: SUPERVISOR,
    args: (_w, form) => [REPORT_YEAR, IDLE, form({ "rules.issued": "3", "licensing.decisions": "12", "admin_fees.amount_10k_yuan": "1.5" })],
    success: returned("success"),
  },
  "app/(app)/reports/actions.ts#saveBaselineAction": {
    kind: "own-agency",
    permitted: SUPERVISOR,
    args: (_w, form) => [REPORT_YEAR, IDLE, form({ json: JSON.stringify({ applications: { rows: {} } }) })],
    success: returned("success"),
  },
  "app/(app)/reports/actions.ts#saveNarrativeAction": {
    kind: "own-agency",
    permitted: SUPERVISOR,
    args: (_w, form) => [REPORT_YEAR, IDLE, form({ overview: "本年度概述", problems: "存在的问题", other: "其他事项" })],
    success: returned("success"),
  },
  "app/(app)/reports/actions.ts#finalizeAction": {
    kind: "own-agency",
    permitted: SUPERVISOR,
    args: (_w, form) => [REPORT_YEAR, false, IDLE, form({ overrideReason: "" })],
    success: returned("success"),
  },

  "app/(app)/requests/actions.ts#createRequestAction": {
    kind: "own-agency",
    permitted: REGISTER,
    args: (w, form) => [IDLE, form({ serial: "N-1", channel: "in_person", arrivedDate: w.today, applicantType: "natural", applicantName: "新申请人", content: "申请公开某文件" })],
    success: savedAs("created"),
  },
  "app/(app)/requests/actions.ts#updateRequestAction": {
    kind: "request",
    permitted: REGISTER,
    args: (w, form) => [w.requests.open, IDLE, requestEdit(w, form, w.requests.open)],
    success: savedAs("updated"),
  },
  "app/(app)/requests/actions.ts#concludeRequestAction": {
    kind: "request",
    permitted: REGISTER,
    // An abandonment, which the handler records (a reply is drafted and approved: draftAction, decideApprovalAction).
    args: (w, form) => [w.requests.lapsed, IDLE, form({ version: versionOf(w.requests.lapsed), outcome: "other_no_supplement", concludedDate: w.today })],
    success: savedAs("concluded"),
  },
  "app/(app)/requests/actions.ts#withdrawRequestAction": {
    kind: "request",
    permitted: REGISTER,
    args: (w, form) => [w.requests.open, IDLE, form({ version: versionOf(w.requests.open), withdrawnDate: w.today, reason: "申请人撤回" })],
    success: savedAs("withdrawn"),
  },
  "app/(app)/requests/actions.ts#saveAppealAction": {
    kind: "request",
    permitted: REGISTER,
    args: (w, form) => [w.requests.concluded, IDLE, form({ caseNumber: "某复字〔2026〕1号", kind: "review", afterReview: "false", filedDate: w.today, result: "pending" })],
    success: returned("success"),
  },
  "app/(app)/requests/actions.ts#previewImportAction": {
    kind: "own-agency",
    permitted: SUPERVISOR,
    args: (w, form) => [IDLE, form({ file: new File([ledgerCsv("I-2", w.received)], "ledger.csv", { type: "text/csv" }) })],
    success: importReturned("preview"),
  },
  "app/(app)/requests/actions.ts#commitImportAction": {
    // The upload belongs to edu's supervisor: another user, of any agency, must not commit it.
    kind: "upload",
    permitted: SUPERVISOR,
    args: (w, form) => [IDLE, form({ uploadId: w.uploadId })],
    success: importReturned("commit"),
    effect: (w) => () => expect(count("SELECT count(*) AS n FROM requests WHERE agency_id = ? AND serial = 'I-1'", w.agencies.edu)).toBe(1),
  },

  "app/(app)/requests/work-actions.ts#assignAction": {
    kind: "request",
    permitted: SUPERVISOR,
    args: (w, form) => [w.requests.open, IDLE, form({ version: versionOf(w.requests.open), handlerUserId: w.users["clerk.edu"].id })],
    success: savedAs("assigned"),
  },
  "app/(app)/requests/work-actions.ts#acceptAction": {
    kind: "handler",
    why: "only the assigned handler accepts",
    permitted: ["clerk"],
    args: (w, form) => [w.requests.assigned, IDLE, form({ version: versionOf(w.requests.assigned) })],
    success: savedAs("accepted"),
  },
  "app/(app)/requests/work-actions.ts#returnAssignmentAction": {
    kind: "handler",
    why: "only the assigned handler returns an assignment",
    permitted: ["clerk"],
    args: (w, form) => [w.requests.assigned, IDLE, form({ version: versionOf(w.requests.assigned), reason: "不属于本人分管" })],
    success: savedAs("assignment_returned"),
  },
  "app/(app)/requests/work-actions.ts#draftAction": {
    kind: "handler",
    why: "only the accepted handler drafts the reply",
    permitted: ["clerk"],
    args: (w, form) => [w.requests.handled, IDLE, form({ version: versionOf(w.requests.handled), outcome: "disclose", legalBasis: "第三十六条第（二）项", replyText: "予以公开。" })],
    success: savedAs("submitted"),
  },
  "app/(app)/requests/work-actions.ts#extensionRequestAction": {
    kind: "handler",
    why: "only the accepted handler asks for an extension",
    permitted: ["clerk"],
    args: (w, form) => [w.requests.handled, IDLE, form({ version: versionOf(w.requests.handled), extensionDays: "10", reason: "需调取档案" })],
    success: savedAs("extension_requested"),
  },
  "app/(app)/requests/work-actions.ts#delayRequestAction": {
    kind: "handler",
    why: "only the accepted handler asks for an Art 35 date",
    permitted: ["clerk"],
    args: (w, form) => [w.requests.handled, IDLE, form({ version: versionOf(w.requests.handled), delayedReplyDate: addDays(w.today, 90), reason: "申请数量明显超过合理范围" })],
    success: savedAs("delay_requested"),
  },
  "app/(app)/requests/work-actions.ts#voidRequestAction": {
    kind: "request",
    permitted: REGISTER,
    args: (w, form) => [w.requests.open, IDLE, form({ version: versionOf(w.requests.open), reason: "重复登记" })],
    success: savedAs("void_requested"),
  },
  "app/(app)/requests/work-actions.ts#decideApprovalAction": {
    // The approval's request decides the agency cases, like a request by id.
    kind: "request",
    permitted: SUPERVISOR,
    args: (w, form) => [w.approvalId, IDLE, form({ approvalVersion: "1", decision: "approve" })],
    success: savedAs("approved"),
  },

  "app/(app)/settings/actions.ts#saveAgencySettingsAction": {
    kind: "own-agency",
    permitted: SUPERVISOR,
    args: (_w, form) => [IDLE, form({ version: "0", dueSoonDays: "6", dueUrgentDays: "3", approvalLevels: "2" })],
    success: returned("success"),
  },
  "app/(app)/settings/actions.ts#saveAnyAgencySettingsAction": {
    kind: "system",
    why: SYSTEM_WHY,
    permitted: ADMIN,
    args: (w, form) => [w.agencies.edu, IDLE, form({ version: "0", dueSoonDays: "6", dueUrgentDays: "3", approvalLevels: "2" })],
    success: returned("success"),
  },

  "app/(app)/requests/clock-actions.ts#addPauseAction": {
    kind: "request",
    permitted: REGISTER,
    args: (w, form) => [w.requests.open, IDLE, form({ version: versionOf(w.requests.open), pauseKind: "other_agency", pauseFrom: w.today })],
    success: clockSaved("paused"),
  },
  "app/(app)/requests/clock-actions.ts#endPauseAction": {
    kind: "request",
    permitted: REGISTER,
    args: (w, form) => [w.requests.paused, IDLE, form({ version: versionOf(w.requests.paused), pauseId: w.pauseId, pauseEnd: w.today })],
    success: clockSaved("pause_ended"),
  },
  "app/(app)/requests/clock-actions.ts#removePauseAction": {
    kind: "request",
    permitted: REGISTER,
    args: (w, form) => [w.requests.paused, IDLE, form({ version: versionOf(w.requests.paused), pauseId: w.pauseId, removeReason: "登记错误" })],
    success: clockSaved("pause_removed"),
  },
  "app/(app)/requests/clock-actions.ts#extensionAction": {
    kind: "request",
    permitted: SUPERVISOR,
    args: (w, form) => [
      w.requests.open,
      IDLE,
      form({ version: versionOf(w.requests.open), extensionDays: "10", extensionApprovedBy: "王主任", extensionApprovedDate: w.today, extensionNoticeDate: w.today }),
    ],
    success: clockSaved("extended"),
  },
  "app/(app)/requests/clock-actions.ts#delayAction": {
    kind: "request",
    permitted: SUPERVISOR,
    args: (w, form) => [w.requests.open, IDLE, form({ version: versionOf(w.requests.open), delayedReplyDate: addDays(w.today, 90), delayedNoticeDate: w.today })],
    success: clockSaved("delayed"),
  },
  "app/(app)/requests/clock-actions.ts#supplementNoticeAction": {
    kind: "request",
    permitted: REGISTER,
    args: (w, form) => [w.requests.open, IDLE, form({ version: versionOf(w.requests.open), supplementNoticeDate: w.today, supplementDeadline: addDays(w.today, 15) })],
    success: clockSaved("supplement_notice"),
  },
  "app/(app)/requests/clock-actions.ts#supplementedAction": {
    kind: "request",
    permitted: REGISTER,
    args: (w, form) => [w.requests.noticed, IDLE, form({ version: versionOf(w.requests.noticed), supplementedDate: w.today })],
    success: clockSaved("supplemented"),
  },
  "app/(app)/requests/clock-actions.ts#deliveryAction": {
    kind: "request",
    permitted: REGISTER,
    args: (w, form) => [w.requests.concluded, IDLE, form({ version: versionOf(w.requests.concluded), replyDelivery: "direct", replyDeliveredDate: w.today })],
    success: clockSaved("delivered"),
  },
};

/* ------------------------------------------------------------------------------------------ */
/* Running one case.                                                                             */

/**
 * Fields a caller might add to a form to point an action elsewhere: agency A, another user.
 * Sent in the own-agency cases of other agencies and in the positive control of `self`.
 */
const smuggled = (w: World): Record<string, string> => ({
  agencyId: w.agencies.edu,
  agencyCode: "edu",
  agency: "edu",
  id: w.users["auditor.health"].id,
  userId: w.users["auditor.health"].id,
  username: "auditor.health",
});

const formOf =
  (extra: Record<string, string>): FormOf =>
  (fields) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(extra)) form.append(k, v);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return form;
  };

async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    const value = await call();
    const state = (value ?? {}) as { status?: unknown; message?: unknown };
    return { kind: "returned", status: String(state.status ?? typeof value), message: typeof state.message === "string" ? state.message : undefined, value };
  } catch (error) {
    if (error instanceof h.Navigation) return { kind: "navigated", how: error.how, to: error.to };
    if (isAppError(error)) return { kind: "threw", code: error.code, message: error.message };
    throw error; // a real fault, not a refusal
  }
}

/**
 * Refused: a 403/404 or /login navigation, or the form's error state. An AppError thrown out of
 * an action is not a refusal the user sees: Next.js answers it with HTTP 500 and the error page
 * (issue 13, item 5), so it fails here.
 */
function isRefused(o: Outcome): boolean {
  if (o.kind === "threw") return false;
  if (o.kind === "navigated") return o.how !== "redirect" || o.to === "/login";
  return o.status === "error";
}

let world: World;

type Case = { label: string; key: string; variant: string | null; who: Who };

function variantsOf(f: Fixture): [string | null, Args][] {
  return typeof f.args === "function" ? [[null, f.args]] : Object.entries(f.args);
}

/** The cases of every enumerated action that has a fixture, for the callers `pick` names. */
function cases(pick: (f: Fixture) => Who[]): [string, Case][] {
  return [...actions.keys()]
    .filter((key) => FIXTURES[key])
    .flatMap((key) =>
      variantsOf(FIXTURES[key]).flatMap(([variant]) =>
        pick(FIXTURES[key]).map((who): [string, Case] => {
          const label = `${key}${variant ? ` [${variant}]` : ""} as ${who}`;
          return [label, { key, variant, who, label }];
        }),
      ),
    );
}

async function call(c: Case, options: { smuggle?: boolean; args?: Args } = {}): Promise<Outcome> {
  const fixture = FIXTURES[c.key];
  const build = options.args ?? (variantsOf(fixture).find(([v]) => v === c.variant) as [string | null, Args])[1];
  h.session.sid = c.who === "anonymous" ? null : world.users[c.who].sid;
  const args = build(world, formOf(options.smuggle ? smuggled(world) : {}));
  return outcomeOf(() => (actions.get(c.key) as ServerAction)(...args));
}

const without = (print: Record<string, string>, tables: string[]) => Object.fromEntries(Object.entries(print).filter(([t]) => !tables.includes(t)));

/** A refused call: refused, the data unchanged, and only the audit rows `mayAudit` appended. */
async function expectRefused(c: Case, options: { args?: Args; mayWrite?: string[]; mayAudit?: string[]; deniedAudited?: boolean } = {}) {
  const before = fingerprint();
  const mark = lastAuditId();
  const outcome = await call(c, { args: options.args });
  expect.soft(outcome, "the call must be refused").toSatisfy(isRefused);
  const mayWrite = options.mayWrite ?? [];
  expect(without(fingerprint(), mayWrite), "nothing may be written").toEqual(without(before, mayWrite));
  const audited = auditActionsSince(mark);
  expect(audited.filter((a) => !(options.mayAudit ?? []).includes(a))).toEqual([]);
  if (options.deniedAudited) expect(audited, "a refused permission is audited").toContain("access.denied");
}

/* ------------------------------------------------------------------------------------------ */

beforeAll(async () => {
  world = await buildWorld();
});

beforeEach(() => {
  restoreWorld();
  h.session.sid = null;
  h.session.secret = null;
  h.session.proto = "http";
  h.session.cookieName = "authjs.session-token";
});

describe("test mechanics", () => {
  test("the session cookie reaches lib/auth/current, per call, against the sessions table", async () => {
    expect(await getCurrentUser()).toBeNull();
    h.session.sid = world.users["clerk.edu"].sid;
    expect(await getCurrentUser()).toMatchObject({ username: "clerk.edu", role: "clerk", agencyCode: "edu" });
    // React's cache() outside a server render does not memoize: the next call sees the new session.
    h.session.sid = world.users["auditor.health"].sid;
    expect(await getCurrentUser()).toMatchObject({ username: "auditor.health" });
    h.session.sid = "no-such-session";
    expect(await getCurrentUser()).toBeNull();
  });

  test("the session cookie is read under the one name Auth.js gives it for the protocol; one sealed with another secret opens nothing", async () => {
    h.session.sid = world.users["clerk.edu"].sid;
    h.session.proto = "https";
    h.session.cookieName = "__Secure-authjs.session-token";
    expect(await getCurrentUser()).toMatchObject({ username: "clerk.edu" });
    // Over HTTPS a plain cookie (one planted over HTTP, or from a sibling host) is no session.
    h.session.cookieName = "authjs.session-token";
    expect(await getCurrentUser()).toBeNull();
    // Over HTTP the secure name is not Auth.js's either.
    h.session.proto = "http";
    h.session.cookieName = "__Secure-authjs.session-token";
    expect(await getCurrentUser()).toBeNull();
    h.session.cookieName = "authjs.session-token";
    h.session.secret = "another-secret-another-secret-another";
    expect(await getCurrentUser()).toBeNull();
  });

  test("the fingerprint covers the data tables (found in sqlite_master)", () => {
    const tables = Object.keys(fingerprint());
    for (const t of ["requests", "request_pauses", "request_events", "appeals", "proactive_figures", "report_baselines", "report_narratives", "report_snapshots", "calendar_years", "calendar_days", "users", "agencies", "import_uploads", "sessions"]) {
      expect(tables).toContain(t);
    }
  });
});

describe("enumeration: every exported Server Action has a fixture", () => {
  test("app/ has Server Action modules, and every export of them is an async function", () => {
    expect(actionFiles.length).toBeGreaterThan(0);
    expect(actions.size).toBeGreaterThan(0);
    expect(notActions).toEqual([]);
  });

  test("no exported action is missing from FIXTURES", () => {
    expect([...actions.keys()].filter((key) => !FIXTURES[key])).toEqual([]);
  });

  test("no fixture names an action that is not exported any more", () => {
    expect(Object.keys(FIXTURES).filter((key) => !actions.has(key))).toEqual([]);
  });
});

describe("anonymous caller: refused, nothing written", () => {
  test.each(cases(() => ["anonymous"]))("%s", async (_label, c) => {
    const f = FIXTURES[c.key];
    const anonymous = f.kind === "public" ? f.anonymous : undefined;
    await expectRefused(c, { args: anonymous?.args, mayWrite: anonymous?.mayWrite, mayAudit: anonymous?.mayAudit });
  });
});

describe("a role without the permission (in the target's agency): refused, nothing written but access.denied", () => {
  test.each(cases((f) => (f.kind === "self" || f.kind === "public" || f.kind === "handler" ? [] : ROLES.filter((r) => !f.permitted.includes(r)).map((r): Who => `${r}.edu`))))("%s", async (_label, c) => {
    await expectRefused(c, { mayAudit: ["access.denied"], deniedAudited: true });
  });
});

describe("a permitted user of another agency on agency A's record: refused, nothing written", () => {
  test.each(cases((f) => (f.kind === "request" || f.kind === "upload" || f.kind === "handler" ? f.permitted.map((r): Who => `${r}.health`) : [])))("%s", async (_label, c) => {
    await expectRefused(c, { mayAudit: ["access.denied"] });
  });
});

describe("the parent agency's supervisor on a child agency's record: refused (write scope is the own agency)", () => {
  // A parent's supervisor reads its children's records but must not edit them. The request
  // mutations check the target with canReadAgency (the read scope, which is the subtree for a
  // supervisor), so the request cases here fail until writes get their own, own-agency scope.
  test.each(cases((f) => ((f.kind === "request" || f.kind === "upload") && f.permitted.includes("supervisor") ? ["supervisor.county"] : [])))("%s", async (_label, c) => {
    await expectRefused(c, { mayAudit: ["access.denied"] });
  });
});

describe("own-agency actions called by another agency (or the parent) with agency A smuggled into the form: write their own agency only", () => {
  test.each(
    cases((f) => (f.kind === "own-agency" ? [...f.permitted.map((r): Who => `${r}.health`), ...(f.permitted.includes("supervisor") ? (["supervisor.county"] as Who[]) : [])] : [])),
  )("%s", async (_label, c) => {
    const before = fingerprint();
    const agencyA = agencySlice(world.agencies.edu);
    const outcome = await call(c, { smuggle: true });
    expect.soft(outcome, "the caller's own-agency call succeeds").toSatisfy(FIXTURES[c.key].success);
    expect(fingerprint(), "it wrote (to its own agency)").not.toEqual(before);
    expect(agencySlice(world.agencies.edu), "agency A is untouched").toEqual(agencyA);
  });
});

describe("a permitted user who must still change its initial password: refused until it has", () => {
  test.each(cases((f) => (f.kind === "self" || f.kind === "public" ? [] : f.permitted.map((r): Who => `${r}.edu`))))("%s", async (_label, c) => {
    requirePasswordChange(world.users[c.who as UserKey].id);
    await expectRefused(c);
  });
});

describe("positive control: the permitted user of agency A, same arguments, succeeds", () => {
  test.each(cases((f) => [...f.permitted.map((r): Who => `${r}.edu`), ...(f.kind === "public" && f.permitsAnonymous ? (["anonymous"] as Who[]) : [])]))("%s", async (_label, c) => {
    const f = FIXTURES[c.key];
    const before = fingerprint();
    const check = f.effect?.(world, c.who);
    const outcome = await call(c, { smuggle: f.kind === "self" });
    expect(outcome, "the fixture's arguments are valid").toSatisfy(f.success);
    expect(fingerprint(), "it wrote").not.toEqual(before);
    check?.();
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Issue 13, item 6: bound arguments (`action.bind(null, year)`) come back as the client sent them. */

const NARRATIVE_FORM = { overview: "本年度概述", problems: "存在的问题", other: "其他事项" };
const INJECTED_YEAR = "2024' OR 1=1";

/** The year actions, called by a permitted user of agency A with one bound argument crafted. */
const CRAFTED_YEAR: [string, UserKey, string, Args][] = [
  ["app/(app)/reports/actions.ts#saveNarrativeAction", "supervisor.edu", "a year with SQL in it", (_w, form) => [INJECTED_YEAR, IDLE, form(NARRATIVE_FORM)]],
  ["app/(app)/reports/actions.ts#saveNarrativeAction", "supervisor.edu", "a year out of range", (_w, form) => [1e308, IDLE, form(NARRATIVE_FORM)]],
  ["app/(app)/reports/actions.ts#saveProactiveAction", "supervisor.edu", "a year as an object", (_w, form) => [{ year: 2025 }, IDLE, form({ "rules.issued": "3" })]],
  ["app/(app)/reports/actions.ts#saveBaselineAction", "supervisor.edu", "a year with SQL in it", (_w, form) => [INJECTED_YEAR, IDLE, form({ json: JSON.stringify({ applications: { rows: {} } }) })]],
  ["app/(app)/reports/actions.ts#finalizeAction", "supervisor.edu", "a year with SQL in it", (_w, form) => [INJECTED_YEAR, false, IDLE, form({ overrideReason: "" })]],
  ["app/(app)/reports/actions.ts#finalizeAction", "supervisor.edu", "includeChildren as a string", (_w, form) => [REPORT_YEAR, "1' OR 1=1", IDLE, form({ overrideReason: "" })]],
  ["app/(app)/admin/calendar/actions.ts#saveCalendarAction", "admin.edu", "a year with SQL in it", (_w, form) => ["2027' OR 1=1", IDLE, form({ source: "通知", newyearFrom: "2027-01-01", newyearTo: "2027-01-01" })]],
];

/** Every action on a request by id, its fixture's valid arguments with the id crafted. */
const CRAFTED_IDS: [string, unknown][] = [
  ["an id with SQL in it", "' OR ''='"],
  ["an id as an object", { id: "x" }],
  ["an id as a number", 42],
];
const CRAFTED_REQUEST: [string, UserKey, string, Args][] = Object.entries(FIXTURES)
  .filter(([, f]) => f.kind === "request" || f.kind === "handler")
  .flatMap(([key, f]) =>
    CRAFTED_IDS.map(([what, id]): [string, UserKey, string, Args] => [key, `${f.permitted[0]}.edu` as UserKey, what, (w, form) => [id, ...variantsOf(f)[0][1](w, form).slice(1)]]),
  );
/** The admin's agency settings, with the bound agency id crafted. */
const SETTINGS_FORM = { version: "0", dueSoonDays: "6", dueUrgentDays: "3", approvalLevels: "2" };
const CRAFTED_AGENCY: [string, UserKey, string, Args][] = CRAFTED_IDS.map(([what, id]) => [
  "app/(app)/settings/actions.ts#saveAnyAgencySettingsAction",
  "admin.edu",
  what.replace("an id", "an agency id"),
  (_w, form) => [id, IDLE, form(SETTINGS_FORM)],
]);
const CRAFTED_BOUND = [...CRAFTED_YEAR, ...CRAFTED_REQUEST, ...CRAFTED_AGENCY];

describe("a crafted bound argument is refused with the form's error state, and writes nothing", () => {
  test.each(CRAFTED_BOUND.map(([key, who, what, args]): [string, Case, Args] => [`${key} with ${what}`, { key, variant: null, who, label: key }, args]))("%s", async (_label, c, args) => {
    const before = fingerprint();
    const mark = lastAuditId();
    const outcome = await call(c, { args });
    expect(outcome).toMatchObject({ kind: "returned", status: "error" });
    expect(fingerprint(), "nothing may be written").toEqual(before);
    expect(auditActionsSince(mark)).toEqual([]);
  });

  test("every action with bound arguments (its fixture passes more than prevState and formData) has a crafted case", () => {
    const covered = new Set(CRAFTED_BOUND.map(([key]) => key));
    const withBound = Object.entries(FIXTURES)
      .filter(([, f]) => variantsOf(f).some(([, build]) => build(world, formOf({})).length > 2))
      .map(([key]) => key);
    expect(withBound.length).toBeGreaterThan(0);
    expect(withBound.filter((key) => !covered.has(key))).toEqual([]);
  });

  test("a call whose last argument is no form is refused, not an exception", async () => {
    const c: Case = { key: "app/(app)/requests/actions.ts#createRequestAction", variant: null, who: "clerk.edu", label: "" };
    const outcome = await call(c, { args: () => [IDLE, "not a form"] });
    expect(outcome).toMatchObject({ kind: "returned", status: "error" });
  });
});
