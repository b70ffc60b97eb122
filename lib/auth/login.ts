import "server-only";
import { eq } from "drizzle-orm";
import { writeTx } from "../../db";
import { users } from "../../db/schema";
import { recordAudit } from "../audit/record";
import { getUserByUsername } from "../users/queries";
import type { Actor } from "./actor";
import { dummyPasswordHash, verifyPassword } from "./password";
import { insertSession, revokeSessionRow } from "./sessions";
import { now, nowIso } from "../time";

/** Failed logins before a 15-minute lock: slows guessing without locking out a mistyping clerk. */
export const MAX_FAILED_LOGINS = 8;
const LOCK_MINUTES = 15;

export type LoginResult = { ok: true; userId: string; sessionId: string } | { ok: false; reason: "invalid" | "locked" | "disabled" };

/** Checks a username and password; on success opens a session row. Every attempt is audited. */
export async function attemptLogin(username: string, password: string, userAgent: string | null): Promise<LoginResult> {
  const user = username ? getUserByUsername(username) : undefined;
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  const at = nowIso();
  return writeTx((tx): LoginResult => {
    const anonymous: Actor = { id: user?.id ?? null, username: username.slice(0, 64) || "(空)", role: user?.role ?? "system", agencyId: user?.agencyId ?? null };
    const deny = (reason: "invalid" | "locked" | "disabled"): LoginResult => {
      recordAudit(tx, anonymous, { action: "auth.login", objectType: "user", objectId: user?.id ?? null, result: "denied", detail: { reason } });
      return { ok: false, reason };
    };
    if (!user) return deny("invalid");
    if (user.disabledAt) return deny("disabled");
    if (user.lockedUntil && user.lockedUntil > at) return deny("locked");
    if (!passwordOk) {
      const failed = user.failedLogins + 1;
      const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(now().getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
      tx.update(users).set({ failedLogins: lockedUntil ? 0 : failed, lockedUntil }).where(eq(users.id, user.id)).run();
      return deny(lockedUntil ? "locked" : "invalid");
    }
    tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: at }).where(eq(users.id, user.id)).run();
    const sessionId = insertSession(tx, user.id, userAgent);
    recordAudit(tx, anonymous, { action: "auth.login", objectType: "session", objectId: user.id });
    return { ok: true, userId: user.id, sessionId };
  });
}

export function recordLogout(actor: Actor, sessionId: string): void {
  writeTx((tx) => {
    revokeSessionRow(tx, sessionId);
    recordAudit(tx, actor, { action: "auth.logout", objectType: "session", objectId: actor.id });
  });
}
