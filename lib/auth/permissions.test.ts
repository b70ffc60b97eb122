import { describe, expect, test } from "vitest";
import { agencyScopeOf, can, PERMISSIONS, type Permission } from "./permissions";
import { ROLES, type Role } from "./roles";

// The expected matrix, written out independently of the implementation: every role × permission.
const GRANTED: Record<Role, Permission[]> = {
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

const cases = ROLES.flatMap((role) => PERMISSIONS.map((permission) => [role, permission, GRANTED[role].includes(permission)] as const));

describe("permission matrix", () => {
  test.each(cases)("%s may %s: %s", (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });

  test("only roles that handle requests see personal data in full", () => {
    expect(ROLES.filter((r) => can(r, "pii.view"))).toEqual(["clerk", "supervisor"]);
  });

  test.each([
    ["clerk", "own"],
    ["supervisor", "subtree"],
    ["auditor", "subtree"],
    ["admin", "all"],
  ] as const)("%s reads %s agencies", (role, scope) => {
    expect(agencyScopeOf(role)).toBe(scope);
  });
});
