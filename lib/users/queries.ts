import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { type Db, getDb, type Tx } from "../../db";
import { agencies, users } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";

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
