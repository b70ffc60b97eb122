import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb, type Tx } from "../../db";
import { agencies, sessions, users } from "../../db/schema";
import { SESSION_MAX_AGE_SECONDS } from "./auth.config";
import type { Role } from "./roles";
import { now, nowIso } from "../time";

/** Server-side sessions (issue 2 §5): the token names a row; revoking the row ends the session. */

export type SessionUser = {
  sessionId: string;
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  mustChangePassword: boolean;
};

export function insertSession(tx: Tx, userId: string, userAgent: string | null): string {
  const id = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now().getTime() + SESSION_MAX_AGE_SECONDS * 1000).toISOString();
  tx.insert(sessions).values({ id, userId, expiresAt, userAgent: userAgent?.slice(0, 300) ?? null }).run();
  return id;
}

/** The user behind a live session: not revoked, not expired, user not disabled. */
export function loadSessionUser(sessionId: string | undefined | null): SessionUser | null {
  if (!sessionId) return null;
  const row = getDb()
    .select({
      sessionId: sessions.id,
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      agencyId: users.agencyId,
      agencyCode: agencies.code,
      agencyName: agencies.name,
      mustChangePassword: users.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .innerJoin(agencies, eq(users.agencyId, agencies.id))
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, nowIso()),
        isNull(users.disabledAt),
      ),
    )
    .get();
  return row ?? null;
}

export function revokeSessionRow(tx: Tx, sessionId: string): void {
  tx.update(sessions).set({ revokedAt: nowIso() }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt))).run();
}
