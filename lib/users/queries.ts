import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Db, getDb, type Tx } from "../../db";
import { agencies, users } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { HANDLER_ROLES } from "../auth/roles";

export type UserListItem = {
  id: string;
  username: string;
  displayName: string;
  role: (typeof users.$inferSelect)["role"];
  agencyCode: string;
  agencyName: string;
  disabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  /** Set while a login lock lasts (or lasted: compare with now). */
  lockedUntil: string | null;
  /** When the user enrolled its second factor (TOTP), or null. */
  secondFactorSince: string | null;
};

export function listUsers(actor: Actor): UserListItem[] {
  assertCan(actor, "admin.users", "无权管理用户");
  return getDb()
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      agencyCode: agencies.code,
      agencyName: agencies.name,
      disabledAt: users.disabledAt,
      mustChangePassword: users.mustChangePassword,
      lastLoginAt: users.lastLoginAt,
      lockedUntil: users.lockedUntil,
      secondFactorSince: users.totpEnabledAt,
    })
    .from(users)
    .innerJoin(agencies, eq(users.agencyId, agencies.id))
    .orderBy(asc(agencies.code), asc(users.username))
    .all()
    .map(({ disabledAt, ...u }) => ({ ...u, disabled: disabledAt !== null }));
}

export function getUserByUsername(username: string, db: Db | Tx = getDb()) {
  return db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .get();
}

export function countUsers(db: Db | Tx = getDb()): number {
  return db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
}

/** The colleagues who may handle the actor's agency's requests (the form's 承办人 choices). */
export function listHandlerChoices(actor: Actor): { id: string; name: string }[] {
  assertCan(actor, "requests.write", "无权登记申请");
  if (!actor.agencyId) return [];
  return getDb()
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.agencyId, actor.agencyId), isNull(users.disabledAt), inArray(users.role, HANDLER_ROLES)))
    .orderBy(asc(users.username))
    .all()
    .map((u) => ({ id: u.id, name: u.displayName || u.username }));
}

/** A user as the timeline and the approvals name them: the display name, else the username ("系统" for none). */
export function userDisplayName(userId: string | null, db: Db | Tx = getDb()): string {
  if (!userId) return "系统";
  const u = db.select({ displayName: users.displayName, username: users.username }).from(users).where(eq(users.id, userId)).get();
  return u ? u.displayName || u.username : userId;
}

/** Whether (since when) a user has a second factor: its own account page. */
export function secondFactorSince(userId: string): string | null {
  return getDb().select({ at: users.totpEnabledAt }).from(users).where(eq(users.id, userId)).get()?.at ?? null;
}
