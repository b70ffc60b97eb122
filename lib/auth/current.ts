import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { recordRefusal } from "../audit/denied";
import { AppError, errorResponse } from "../errors";
import type { Actor } from "./actor";
import { can, type Permission } from "./permissions";
import { sessionIdOf } from "./session-cookie";
import { loadSessionUser, type SessionUser } from "./sessions";

/** The session of this request as the sessions table has it, second factor given or not (once per request, one lookup). */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => loadSessionUser(await sessionIdOf(await headers())));

/** The signed-in user of this request: a session whose second factor, where needed, was given. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const user = await getSessionUser();
  return user?.secondFactor === "ok" ? user : null;
});

export function toActor(user: SessionUser): Actor {
  return { id: user.id, username: user.username, role: user.role, agencyId: user.agencyId };
}

/** A refused access is itself an audited event (repeats within a minute counted on one row, lib/audit/denied.ts). */
function recordDenied(user: SessionUser, permission: Permission): void {
  recordRefusal(toActor(user), { objectType: "permission", objectId: permission });
}

/** For pages: anonymous → /login; a password that must be changed → the change page first. */
export async function requirePageUser(options: { allowMustChange?: boolean } = {}): Promise<SessionUser> {
  const session = await getSessionUser();
  if (!session) redirect("/login");
  if (session.secondFactor !== "ok") redirect("/login/2fa");
  const user = session;
  if (user.mustChangePassword && !options.allowMustChange) redirect("/account/password");
  return user;
}

/** For pages that need a permission: answers 403 to a signed-in user without it. */
/** The page's user, who must hold the permission (or one of several: a page two roles reach by different rights). */
export async function requirePagePermission(permission: Permission | readonly [Permission, ...Permission[]]): Promise<SessionUser> {
  const user = await requirePageUser();
  const any: readonly Permission[] = typeof permission === "string" ? [permission] : permission;
  if (!any.some((p) => can(user.role, p))) {
    recordDenied(user, any[0]);
    forbidden();
  }
  return user;
}

/** For Server Actions: throws AppError instead of redirecting. */
export async function requireUser(options: { allowMustChange?: boolean } = {}): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "登录已失效，请重新登录");
  if (user.mustChangePassword && !options.allowMustChange) throw new AppError("FORBIDDEN", "请先修改初始密码");
  return user;
}

export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) {
    recordDenied(user, permission);
    throw new AppError("FORBIDDEN", "您没有执行此操作的权限");
  }
  return user;
}

/**
 * For route handlers (interfaces.md): 401 to an anonymous caller, 403 without the permission —
 * never a redirect. Returns the user, or the Response to send.
 */
export async function authorizeRoute(permission: Permission): Promise<SessionUser | Response> {
  const user = await getCurrentUser();
  if (!user) return errorResponse(new AppError("UNAUTHENTICATED", "未登录 (unauthenticated)"));
  if (user.mustChangePassword) return errorResponse(new AppError("FORBIDDEN", "请先修改初始密码 (password change required)"));
  if (!can(user.role, permission)) {
    recordDenied(user, permission);
    return errorResponse(new AppError("FORBIDDEN", "无权访问 (forbidden)"));
  }
  return user;
}
