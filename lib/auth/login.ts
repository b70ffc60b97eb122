import "server-only";
import { eq, lt, sql } from "drizzle-orm";
import { isBusy, writeTx } from "../../db";
import { loginFailures, sessions, users } from "../../db/schema";
import { recordAudit } from "../audit/record";
import { readSetting } from "../settings/queries";
import { getUserByUsername } from "../users/queries";
import type { Actor } from "./actor";
import { dummyPasswordHash, verifyPassword } from "./password";
import { insertSession, revokeSessionRow } from "./sessions";
import { now } from "../time";

/**
 * The lock (等保三级's usual reading): 5 consecutive failures lock the account for 15 minutes.
 * The count is kept inside the login's write transaction, so parallel guesses are all counted.
 */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** The address throttle: past 10 failures within 15 minutes, each further failure waits 1 s, doubling, at most 10 s. */
export const THROTTLE_AFTER = 10;
const THROTTLE_WINDOW_MINUTES = 15;
const THROTTLE_MAX_MS = 10_000;

/** The one answer to every refused login (wrong, unknown, locked, disabled: no account enumeration). */
export const LOGIN_REFUSED_MESSAGE = "用户名或密码不正确。连续 5 次错误将锁定账号 15 分钟，可请管理员解锁";

export type LoginDenial = "invalid" | "locked" | "disabled" | "busy";
/**
 * `delayMs` is how long the caller waits before answering a failure (the address throttle);
 * lib/ never sleeps. A correct password is never delayed.
 */
export type LoginResult = { ok: true; userId: string; sessionId: string } | { ok: false; reason: LoginDenial; delayMs: number };

/** The wait before answering the n-th failure from an address within the window (n counts this one). */
export function throttleDelayMs(failuresInWindow: number): number {
  if (failuresInWindow <= THROTTLE_AFTER) return 0;
  return Math.min(THROTTLE_MAX_MS, 1000 * 2 ** (failuresInWindow - THROTTLE_AFTER - 1));
}

/**
 * Checks a username and password; on success opens a session row. Every attempt is audited. A
 * locked, disabled or unknown account is refused exactly like a wrong password (the reason is
 * in the audit row, never in the answer).
 */
export async function attemptLogin(username: string, password: string, userAgent: string | null, address = "unknown"): Promise<LoginResult> {
  const found = username ? getUserByUsername(username) : undefined;
  const passwordOk = await verifyPassword(password, found?.passwordHash ?? (await dummyPasswordHash()));
  try {
    return writeTx((tx): LoginResult => {
      const at = now();
      const atIso = at.toISOString();
      // Read again inside the transaction: the lock and the count are those of this moment.
      const user = found ? tx.select().from(users).where(eq(users.id, found.id)).get() : undefined;
      const actor: Actor = { id: user?.id ?? null, username: username.slice(0, 64) || "(空)", role: user?.role ?? "system", agencyId: user?.agencyId ?? null };
      const deny = (reason: LoginDenial, detail: Record<string, unknown> = {}): LoginResult => {
        tx.insert(loginFailures).values({ address, at: atIso }).run();
        const since = new Date(at.getTime() - THROTTLE_WINDOW_MINUTES * 60_000).toISOString();
        const failures = tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM login_failures WHERE address = ${address} AND at >= ${since}`)?.n ?? 1;
        const delayMs = throttleDelayMs(failures);
        recordAudit(tx, actor, { action: "auth.login", objectType: "user", objectId: user?.id ?? null, result: "denied", detail: { reason, address, ...detail, ...(delayMs ? { delayMs } : {}) } });
        return { ok: false, reason, delayMs };
      };
      tx.delete(loginFailures).where(lt(loginFailures.at, new Date(at.getTime() - 86_400_000).toISOString())).run();
      if (!user) return deny("invalid");
      if (user.disabledAt) return deny("disabled");
      if (user.lockedUntil && user.lockedUntil > atIso) return deny("locked");
      if (!passwordOk) {
        const failed = user.failedLogins + 1;
        const locks = failed >= MAX_FAILED_LOGINS;
        const lockedUntil = locks ? new Date(at.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
        tx.update(users).set({ failedLogins: locks ? 0 : failed, lockedUntil }).where(eq(users.id, user.id)).run();
        return deny(locks ? "locked" : "invalid", { failed, ...(lockedUntil ? { lockedUntil } : {}) });
      }
      // 定期更换: a password older than the admin's period must be changed now.
      const maxAge = readSetting("passwordMaxAgeDays", tx);
      const changed = Date.parse(user.passwordChangedAt ?? user.createdAt);
      const expired = maxAge > 0 && at.getTime() - changed > maxAge * 86_400_000;
      tx.update(users)
        .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: atIso, ...(expired ? { mustChangePassword: true } : {}) })
        .where(eq(users.id, user.id))
        .run();
      const sessionId = insertSession(tx, user.id, userAgent);
      recordAudit(tx, actor, { action: "auth.login", objectType: "session", objectId: user.id, detail: { address, ...(expired ? { passwordExpired: true } : {}) } });
      return { ok: true, userId: user.id, sessionId };
    });
  } catch (error) {
    // A database held by a long write: say so, never "wrong password".
    if (isBusy(error)) return { ok: false, reason: "busy", delayMs: 0 };
    throw error;
  }
}

/** Ends a session by its id alone (Auth.js's sign-out knows no user): revoked and audited once. */
export function revokeSession(sessionId: string): void {
  writeTx((tx) => {
    const row = tx.select({ userId: sessions.userId, revokedAt: sessions.revokedAt }).from(sessions).where(eq(sessions.id, sessionId)).get();
    if (!row || row.revokedAt) return;
    const user = tx.select().from(users).where(eq(users.id, row.userId)).get();
    revokeSessionRow(tx, sessionId);
    const actor: Actor = { id: row.userId, username: user?.username ?? "", role: user?.role ?? "system", agencyId: user?.agencyId ?? null };
    recordAudit(tx, actor, { action: "auth.logout", objectType: "session", objectId: row.userId });
  });
}

export function recordLogout(actor: Actor, sessionId: string): void {
  writeTx((tx) => {
    revokeSessionRow(tx, sessionId);
    recordAudit(tx, actor, { action: "auth.logout", objectType: "session", objectId: actor.id });
  });
}
