import Database from "better-sqlite3";
import { beforeEach, describe, expect, test } from "vitest";
import { getSqlite } from "../../db";
import { CLI_ACTOR } from "../auth/actor";
import { createAgency } from "../agencies/mutations";
import { freshDatabase, makeUser } from "../testing/db";
import { changeOwnPassword, changeUserRole, resetUserPassword, setUserDisabled, unlockUser } from "../users/mutations";
import { attemptLogin, MAX_FAILED_LOGINS, recordLogout, revokeSession } from "./login";
import { setClockForTests } from "../time";
import { saveSetting } from "../settings/mutations";
import { choosePasswordProblem, generatePassword, passwordProblem } from "./password";
import { loadSessionUser } from "./sessions";

describe("login and server-side sessions", () => {
  beforeEach(() => {
    freshDatabase();
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
  });

  test("a good password opens a session row; the session names the user", async () => {
    await makeUser("alice", "clerk", "a", "Corr3ct-horse");
    const result = await attemptLogin("ALICE", "Corr3ct-horse", "test");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(loadSessionUser(result.sessionId)).toMatchObject({ username: "alice", role: "clerk", agencyCode: "a" });
  });

  test("a wrong password or unknown user is refused and audited as denied", async () => {
    await makeUser("alice", "clerk", "a", "Corr3ct-horse");
    expect(await attemptLogin("alice", "wrong", null)).toEqual({ ok: false, reason: "invalid", delayMs: 0 });
    expect(await attemptLogin("nobody", "wrong", null)).toEqual({ ok: false, reason: "invalid", delayMs: 0 });
    const denied = getSqlite().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'auth.login' AND result = 'denied'").get() as { n: number };
    expect(denied.n).toBe(2);
  });

  test("logout, disabling, a role change and a password reset end the session at once", async () => {
    const admin = await makeUser("root", "admin", "a");
    const alice = await makeUser("alice", "clerk", "a", "Corr3ct-horse");
    const open = async () => {
      const r = await attemptLogin("alice", "Corr3ct-horse", null);
      if (!r.ok) throw new Error("login failed");
      return r.sessionId;
    };
    let sid = await open();
    recordLogout(alice, sid);
    expect(loadSessionUser(sid)).toBeNull();

    sid = await open();
    setUserDisabled(admin, alice.id as string, true);
    expect(loadSessionUser(sid)).toBeNull();
    expect(await attemptLogin("alice", "Corr3ct-horse", null)).toMatchObject({ ok: false, reason: "disabled" });
    setUserDisabled(admin, alice.id as string, false);

    sid = await open();
    changeUserRole(admin, alice.id as string, "supervisor");
    expect(loadSessionUser(sid)).toBeNull();

    sid = await open();
    await resetUserPassword(admin, alice.id as string, "Temp0rary-pass");
    expect(loadSessionUser(sid)).toBeNull();
    const after = await attemptLogin("alice", "Temp0rary-pass", null);
    expect(after.ok).toBe(true);
    if (after.ok) expect(loadSessionUser(after.sessionId)?.mustChangePassword).toBe(true);
  });

  test(`after ${MAX_FAILED_LOGINS} failures the account is locked for a while, even for the right password`, async () => {
    await makeUser("alice", "clerk", "a", "Corr3ct-horse");
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) expect((await attemptLogin("alice", "bad", null)).ok).toBe(false);
    expect(await attemptLogin("alice", "bad", null)).toMatchObject({ ok: false, reason: "locked" });
    expect(await attemptLogin("alice", "Corr3ct-horse", null)).toMatchObject({ ok: false, reason: "locked" });
  });

  test("30 parallel wrong passwords are all counted: the account locks, the right password is then refused; another account of the same address still logs in", async () => {
    await makeUser("alice", "clerk", "a", "Corr3ct-horse");
    await makeUser("bob", "clerk", "a", "B0b-password-ok");
    const results = await Promise.all(Array.from({ length: 30 }, () => attemptLogin("alice", "guess-wrong-1", null, "10.0.0.1")));
    expect(results.every((r) => !r.ok)).toBe(true);
    const locks = getSqlite().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'auth.login' AND result = 'denied' AND changes LIKE '%lockedUntil%'").get() as { n: number };
    expect(locks.n).toBe(1); // the 5th failure locked it; the other 25 met the lock
    expect((getSqlite().prepare("SELECT locked_until AS l FROM users WHERE username = 'alice'").get() as { l: string | null }).l).not.toBeNull();
    expect(await attemptLogin("alice", "Corr3ct-horse", null, "10.0.0.1")).toMatchObject({ ok: false, reason: "locked" });
    const bob = await attemptLogin("bob", "B0b-password-ok", null, "10.0.0.1");
    expect(bob.ok).toBe(true);
  });

  test("the address throttle: past 10 failures in 15 minutes each failure waits 1 s, doubling, at most 10 s; a correct password is never delayed", async () => {
    await makeUser("carol", "clerk", "a", "Car0l-password");
    const delays: number[] = [];
    // Unknown accounts, so no account lock is involved: the throttle alone.
    for (let i = 0; i < 16; i++) {
      const r = await attemptLogin(`nobody${i}`, "wrong", null, "192.0.2.7");
      delays.push(r.ok ? -1 : r.delayMs);
    }
    expect(delays).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1000, 2000, 4000, 8000, 10000, 10000]);
    const right = await attemptLogin("carol", "Car0l-password", null, "192.0.2.7");
    expect(right.ok).toBe(true);
    expect("delayMs" in right).toBe(false);
    expect(await attemptLogin("carol", "wrong", null, "198.51.100.1")).toMatchObject({ delayMs: 0 }); // another address
    expect((getSqlite().prepare("SELECT locked_until AS l FROM users WHERE username = 'carol'").get() as { l: string | null }).l).toBeNull();
  });

  test("an admin's 解锁 (and the CLI's unlock) ends the lock at once, audited", async () => {
    const admin = await makeUser("root", "admin", "a");
    const alice = await makeUser("alice", "clerk", "a", "Corr3ct-horse");
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await attemptLogin("alice", "bad", null);
    expect(await attemptLogin("alice", "Corr3ct-horse", null)).toMatchObject({ ok: false, reason: "locked" });
    unlockUser(admin, alice.id as string);
    expect((await attemptLogin("alice", "Corr3ct-horse", null)).ok).toBe(true);
    const audited = getSqlite().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'user.unlock'").get() as { n: number };
    expect(audited.n).toBe(1);
  });

  test("sessions end after 30 idle minutes and at most 12 hours after login, by the injected clock; use keeps one alive", async () => {
    await makeUser("alice", "clerk", "a", "Corr3ct-horse");
    const open = async () => {
      const r = await attemptLogin("alice", "Corr3ct-horse", null);
      if (!r.ok) throw new Error("login failed");
      return r.sessionId;
    };
    const at = (iso: string) => setClockForTests(iso);
    try {
      at("2026-06-01T00:00:00.000Z");
      const idle = await open();
      at("2026-06-01T00:29:00.000Z");
      expect(loadSessionUser(idle)).not.toBeNull(); // used at 29 min: alive, activity recorded
      at("2026-06-01T00:58:00.000Z");
      expect(loadSessionUser(idle)).not.toBeNull(); // 29 min after that use
      at("2026-06-01T01:28:01.000Z");
      expect(loadSessionUser(idle)).toBeNull(); // 30 min and a second unused
      at("2026-06-01T01:28:30.000Z");
      expect(loadSessionUser(idle)).toBeNull(); // and it stays ended

      at("2026-06-02T00:00:00.000Z");
      const busy = await open();
      for (let minute = 20; minute < 12 * 60; minute += 20) {
        at(new Date(Date.parse("2026-06-02T00:00:00.000Z") + minute * 60_000).toISOString());
        expect(loadSessionUser(busy), `minute ${minute}`).not.toBeNull();
      }
      at("2026-06-02T12:00:00.000Z");
      expect(loadSessionUser(busy)).toBeNull(); // used every 20 minutes, still ended at 12 h
    } finally {
      setClockForTests(null);
    }
  });

  test("changing one's own password ends the user's other sessions, not the one that changed it", async () => {
    const alice = await makeUser("alice", "clerk", "a", "Corr3ct-horse");
    const open = async () => {
      const r = await attemptLogin("alice", "Corr3ct-horse", null);
      if (!r.ok) throw new Error("login failed");
      return r.sessionId;
    };
    const here = await open();
    const elsewhere = await open();
    await changeOwnPassword({ ...alice, id: alice.id as string }, "Corr3ct-horse", "N3w-password-ok", here);
    expect(loadSessionUser(here)).not.toBeNull();
    expect(loadSessionUser(elsewhere)).toBeNull();
  });

  test("an Auth.js sign-out revokes the session row once, audited", async () => {
    await makeUser("alice", "clerk", "a", "Corr3ct-horse");
    const r = await attemptLogin("alice", "Corr3ct-horse", null);
    if (!r.ok) throw new Error("login failed");
    revokeSession(r.sessionId);
    revokeSession(r.sessionId);
    expect(loadSessionUser(r.sessionId)).toBeNull();
    const logouts = getSqlite().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'auth.logout'").get() as { n: number };
    expect(logouts.n).toBe(1);
  });

  test("a login the database is too busy to record says so (busy), never 'wrong password'", async () => {
    await makeUser("alice", "clerk", "a", "Corr3ct-horse");
    const other = new Database(process.env.DATABASE_URL as string);
    other.pragma("busy_timeout = 0");
    other.prepare("BEGIN IMMEDIATE").run(); // another writer holds the lock past the busy timeout
    try {
      expect(await attemptLogin("alice", "Corr3ct-horse", null)).toEqual({ ok: false, reason: "busy", delayMs: 0 });
    } finally {
      other.prepare("ROLLBACK").run();
      other.close();
    }
    expect((await attemptLogin("alice", "Corr3ct-horse", null)).ok).toBe(true);
  }, 20_000);

  test("a password older than the admin's period (default 90 days) must be changed at the next login; 0 turns it off", async () => {
    const admin = await makeUser("root", "admin", "a");
    await makeUser("alice", "clerk", "a", "Corr3ct-horse");
    const changedDaysAgo = (days: number) =>
      getSqlite().prepare("UPDATE users SET password_changed_at = ?, must_change_password = 0 WHERE username = 'alice'").run(new Date(Date.now() - days * 86_400_000).toISOString());
    const mustChange = async () => {
      const r = await attemptLogin("alice", "Corr3ct-horse", null);
      if (!r.ok) throw new Error("login failed");
      return loadSessionUser(r.sessionId)?.mustChangePassword;
    };
    changedDaysAgo(89);
    expect(await mustChange()).toBe(false);
    changedDaysAgo(91);
    expect(await mustChange()).toBe(true);
    saveSetting(admin, "passwordMaxAgeDays", 0);
    changedDaysAgo(400);
    expect(await mustChange()).toBe(false);
    saveSetting(admin, "passwordMaxAgeDays", 30);
    changedDaysAgo(31);
    expect(await mustChange()).toBe(true);
    expect(() => saveSetting(admin, "passwordMaxAgeDays", -1)).toThrow(/0 至 3650/);
    const clerk = await makeUser("bob", "clerk", "a", "B0b-password-ok");
    expect(() => saveSetting(clerk, "passwordMaxAgeDays", 10)).toThrow(/无权/);
  });

  test("password rules: 10+ characters with letters and digits, not the username, not a common password — for the page and the CLI alike", async () => {
    expect(await choosePasswordProblem("short1")).toMatch(/至少 10 位/);
    expect(await choosePasswordProblem("onlyletters")).toMatch(/字母和数字/);
    expect(await choosePasswordProblem("alice2026xyz", "Alice")).toMatch(/用户名/);
    expect(await choosePasswordProblem("Passw0rd-123", "s")).toBeNull();
    expect(await choosePasswordProblem("Password123")).toMatch(/过于常见/);
    expect(await choosePasswordProblem("woaini1314")).toMatch(/过于常见/);
    expect(await choosePasswordProblem("Corr3ct-horse-battery")).toBeNull();
    await expect(makeUser("dave", "clerk", "a", "qwerty12345")).rejects.toMatchObject({ field: "password" });
    const alice = await makeUser("alice", "clerk", "a", "Corr3ct-horse");
    await expect(changeOwnPassword({ ...alice, id: alice.id as string }, "Corr3ct-horse", "1q2w3e4r5t")).rejects.toThrow(/过于常见/);
    for (let i = 0; i < 20; i++) expect(passwordProblem(generatePassword())).toBeNull();
  });

  test("an admin cannot disable itself or change its own role", async () => {
    const admin = await makeUser("root", "admin", "a");
    expect(() => setUserDisabled(admin, admin.id as string, true)).toThrow(/不能停用自己/);
  });
});
