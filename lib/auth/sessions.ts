import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, ne } from "drizzle-orm";
import { getDb, type Tx, writeIfFree } from "../../db";
import { agencies, sessions, users } from "../../db/schema";
import { SESSION_IDLE_SECONDS, SESSION_MAX_AGE_SECONDS } from "./auth.config";
import { type Role, secondFactorRequired } from "./roles";
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
  /**
   * ok: signed in. verify: the password was right, the TOTP code is still to be given.
   * enroll: the role needs a second factor the user has not set up yet (it does so now).
   */
  secondFactor: "ok" | "verify" | "enroll";
};

export function insertSession(tx: Tx, userId: string, userAgent: string | null): string {
  const id = randomBytes(24).toString("base64url");
  const at = now();
  const expiresAt = new Date(at.getTime() + SESSION_MAX_AGE_SECONDS * 1000).toISOString();
  tx.insert(sessions).values({ id, userId, expiresAt, lastSeenAt: at.toISOString(), userAgent: userAgent?.slice(0, 300) ?? null }).run();
  return id;
}

/** Activity is written at most once a minute per session: one small write, not one per request. */
const ACTIVITY_STEP_MS = 60_000;

/**
 * The user behind a live session: not revoked, not past its absolute end (12 h), used within
 * the idle timeout (30 min), user not disabled. Each use is recorded as the session's activity.
 */
export function loadSessionUser(sessionId: string | undefined | null): SessionUser | null {
  if (!sessionId) return null;
  const at = now();
  const idleSince = new Date(at.getTime() - SESSION_IDLE_SECONDS * 1000).toISOString();
  const row = getDb()
    .select({
      lastSeenAt: sessions.lastSeenAt,
      secondFactorAt: sessions.secondFactorAt,
      totpEnabledAt: users.totpEnabledAt,
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
        gt(sessions.expiresAt, at.toISOString()),
        gt(sessions.lastSeenAt, idleSince),
        isNull(users.disabledAt),
      ),
    )
    .get();
  if (!row) return null;
  const { lastSeenAt, secondFactorAt, totpEnabledAt, ...rest } = row;
  const secondFactor = secondFactorAt ? "ok" : totpEnabledAt ? "verify" : secondFactorRequired(rest.role) ? "enroll" : "ok";
  const user: SessionUser = { ...rest, secondFactor };
  if (!lastSeenAt || at.getTime() - Date.parse(lastSeenAt) >= ACTIVITY_STEP_MS) {
    // A long write (an import) holds the database: the page answers at once; the activity is recorded next time.
    writeIfFree(() => getDb().update(sessions).set({ lastSeenAt: at.toISOString() }).where(eq(sessions.id, row.sessionId)).run());
  }
  return user;
}

/** Ends every other session of a user (after it changed its own password). */
export function revokeOtherSessions(tx: Tx, userId: string, keepSessionId: string | null): void {
  tx.update(sessions)
    .set({ revokedAt: nowIso() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keepSessionId ? ne(sessions.id, keepSessionId) : undefined))
    .run();
}

export function revokeSessionRow(tx: Tx, sessionId: string): void {
  tx.update(sessions).set({ revokedAt: nowIso() }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt))).run();
}
