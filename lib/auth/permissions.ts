import { AppError } from "../errors";
import type { Actor } from "./actor";
import type { Role } from "./roles";

/**
 * The one permission matrix (issue 2 §5). Every Server Action, route handler and data-access
 * function asks `can(role, permission)`; the UI only hides what this refuses anyway.
 */

export const PERMISSIONS = [
  "requests.read",
  "requests.write",
  "requests.decide",
  "requests.import",
  "requests.export",
  "pii.view",
  "appeals.read",
  "appeals.write",
  "reports.read",
  "reports.edit",
  "reports.finalize",
  "extensions.approve",
  "requests.assign",
  "requests.approve",
  "agency.settings",
  "audit.read",
  "admin.agencies",
  "admin.users",
  "admin.calendar",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * clerk: the day's work on the register. supervisor: the clerk's work plus approvals, imports,
 * exports and the annual report. admin: the system (agencies, users, calendar), not the files.
 * auditor: reads everything of its scope, personal data masked, and the audit trail; writes nothing.
 */
const MATRIX: Record<Role, readonly Permission[]> = {
  clerk: ["requests.read", "requests.write", "requests.decide", "pii.view", "appeals.read", "appeals.write", "reports.read"],
  supervisor: [
    "requests.read",
    "requests.write",
    "requests.decide",
    "requests.import",
    "requests.export",
    "pii.view",
    "appeals.read",
    "appeals.write",
    "reports.read",
    "reports.edit",
    "reports.finalize",
    "extensions.approve",
    "requests.assign",
    "requests.approve",
    "agency.settings",
    "audit.read",
  ],
  admin: ["reports.read", "audit.read", "admin.agencies", "admin.users", "admin.calendar"],
  auditor: ["requests.read", "appeals.read", "reports.read", "audit.read"],
};

export function can(role: Role, permission: Permission): boolean {
  return MATRIX[role].includes(permission);
}

/**
 * Which agencies a role reads: its own, or its own and every agency below it (a supervisor of a
 * parent agency reads its children). Admins manage the whole tree of agencies and users.
 */
export type AgencyScope = "own" | "subtree" | "all";
const SCOPE: Record<Role, AgencyScope> = { clerk: "own", supervisor: "subtree", auditor: "subtree", admin: "all" };

export function agencyScopeOf(role: Role): AgencyScope {
  return SCOPE[role];
}

/**
 * The check every data-access function starts with: the command line (`system`) may do
 * anything; a user needs the permission, or gets FORBIDDEN with the given message.
 */
export function assertCan(actor: Actor, permission: Permission, message: string): void {
  if (actor.role !== "system" && !can(actor.role, permission)) throw new AppError("FORBIDDEN", message);
}
