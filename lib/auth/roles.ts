/** The four roles of the system (issue 2); rights per role live in permissions.ts. */
export const ROLES = ["clerk", "supervisor", "admin", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  clerk: "经办人",
  supervisor: "审核负责人",
  admin: "系统管理员",
  auditor: "审计员",
};

/** Who may handle (承办) a request: the agency's 经办人 and 审核负责人. */
export const HANDLER_ROLES = ["clerk", "supervisor"] as const satisfies readonly Role[];

/** Roles whose login needs a second factor (TOTP) — 等保三级 for those who administer and audit. */
export const SECOND_FACTOR_ROLES = ["admin", "auditor"] as const satisfies readonly Role[];
export const secondFactorRequired = (role: Role): boolean => (SECOND_FACTOR_ROLES as readonly Role[]).includes(role);
