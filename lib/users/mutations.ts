import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { writeTx } from "../../db";
import { sessions, users, type User } from "../../db/schema";
import { revokeOtherSessions } from "../auth/sessions";
import type { Actor } from "../auth/actor";
import { choosePasswordProblem, hashPassword, verifyPassword } from "../auth/password";
import { assertCan } from "../auth/permissions";
import type { Role } from "../auth/roles";
import { recordAudit } from "../audit/record";
import { getAgencyByCode } from "../agencies/queries";
import { AppError } from "../errors";
import { getUserByUsername } from "./queries";
import type { CreateUserInput } from "./schemas";
import { nowIso } from "../time";

function assertUserAdmin(actor: Actor) {
  assertCan(actor, "admin.users", "无权管理用户");
}


/** What the audit trail shows of a user: never the password hash. */
/** A user as its audit rows show it: no password hash, no authenticator secret, no recovery code hashes. */
function auditView(user: User) {
  const { passwordHash: _hash, totpSecretEnc: _secret, totpPendingEnc: _pending, totpRecovery: _recovery, ...rest } = user;
  return rest;
}

export async function createUser(actor: Actor, input: CreateUserInput): Promise<User> {
  assertUserAdmin(actor);
  // The same rules as a password chosen on the page: the CLI's `user add` refuses what the page refuses.
  const weak = await choosePasswordProblem(input.password, input.username);
  if (weak) throw new AppError("INVALID", weak, "password", "the password breaks the password rules");
  const passwordHash = await hashPassword(input.password);
  return writeTx((tx) => {
    const agency = getAgencyByCode(input.agencyCode, tx);
    if (!agency) throw new AppError("INVALID", `机构代码 ${input.agencyCode} 不存在`, "agencyCode", `agency ${input.agencyCode} does not exist`);
    if (getUserByUsername(input.username, tx)) throw new AppError("CONFLICT", `用户名 ${input.username} 已存在`, "username", `user ${input.username} already exists`);
    const row = {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      role: input.role,
      agencyId: agency.id,
      mustChangePassword: input.mustChange,
      passwordChangedAt: nowIso(),
    };
    tx.insert(users).values(row).run();
    const created = tx.select().from(users).where(eq(users.id, row.id)).get() as User;
    recordAudit(tx, actor, { action: "user.create", objectType: "user", objectId: row.id, agencyId: agency.id, after: auditView(created) });
    return created;
  });
}

function updateUser(actor: Actor, id: string, action: string, patch: Partial<User>, revokeSessions: boolean): void {
  assertUserAdmin(actor);
  writeTx((tx) => {
    const before = tx.select().from(users).where(eq(users.id, id)).get();
    if (!before) throw new AppError("NOT_FOUND", "用户不存在");
    if (before.id === actor.id && (patch.disabledAt || patch.role)) {
      throw new AppError("INVALID", "不能停用自己或修改自己的角色");
    }
    tx.update(users).set({ ...patch, updatedAt: nowIso() }).where(eq(users.id, id)).run();
    if (revokeSessions) {
      tx.update(sessions).set({ revokedAt: nowIso() }).where(and(eq(sessions.userId, id), isNull(sessions.revokedAt))).run();
    }
    const after = tx.select().from(users).where(eq(users.id, id)).get() as User;
    recordAudit(tx, actor, { action, objectType: "user", objectId: id, agencyId: before.agencyId, before: auditView(before), after: auditView(after) });
  });
}

/** Disabling ends the user's sessions at once (their next request is anonymous). */
export function setUserDisabled(actor: Actor, id: string, disabled: boolean): void {
  updateUser(actor, id, disabled ? "user.disable" : "user.enable", { disabledAt: disabled ? nowIso() : null, failedLogins: 0, lockedUntil: null }, disabled);
}

/** Ends a login lock (5 failed logins): the admin's 解锁 and `cli user unlock`. */
export function unlockUser(actor: Actor, id: string): void {
  updateUser(actor, id, "user.unlock", { failedLogins: 0, lockedUntil: null }, false);
}

/** Removes a user's second factor (a lost device): it enrolls again at its next login; its sessions end. */
export function resetUserSecondFactor(actor: Actor, id: string): void {
  updateUser(actor, id, "user.reset_2fa", { totpSecretEnc: null, totpPendingEnc: null, totpEnabledAt: null, totpLastStep: null, totpRecovery: null }, true);
}

export function changeUserRole(actor: Actor, id: string, role: Role): void {
  updateUser(actor, id, "user.role", { role }, true);
}

/** An admin's reset: a new password that must be changed at the next login. */
export async function resetUserPassword(actor: Actor, id: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  updateUser(actor, id, "user.reset_password", { passwordHash, mustChangePassword: true, passwordChangedAt: nowIso(), failedLogins: 0, lockedUntil: null }, true);
}

/**
 * A user changing its own password: the current one is required, the new one must be strong.
 * Every other session of the user ends (a stolen session does not outlive the change).
 */
export async function changeOwnPassword(actor: Actor & { id: string }, current: string, next: string, keepSessionId: string | null = null): Promise<void> {
  const user = writeTx((tx) => tx.select().from(users).where(eq(users.id, actor.id)).get());
  if (!user) throw new AppError("NOT_FOUND", "用户不存在");
  if (!(await verifyPassword(current, user.passwordHash))) throw new AppError("INVALID", "当前密码不正确", "current");
  const problem = await choosePasswordProblem(next, user.username);
  if (problem) throw new AppError("INVALID", problem, "next");
  if (await verifyPassword(next, user.passwordHash)) throw new AppError("INVALID", "新密码不能与当前密码相同", "next");
  const passwordHash = await hashPassword(next);
  writeTx((tx) => {
    tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: nowIso(), updatedAt: nowIso() }).where(eq(users.id, actor.id)).run();
    revokeOtherSessions(tx, actor.id, keepSessionId);
    recordAudit(tx, actor, { action: "user.change_password", objectType: "user", objectId: actor.id, agencyId: user.agencyId });
  });
}
