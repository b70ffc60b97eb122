import { beforeEach, describe, expect, test } from "vitest";
import { getSqlite } from "../../db";
import { CLI_ACTOR } from "../auth/actor";
import { createAgency } from "../agencies/mutations";
import { freshDatabase, makeUser } from "../testing/db";
import { changeUserRole, resetUserPassword, setUserDisabled } from "../users/mutations";
import { attemptLogin, MAX_FAILED_LOGINS, recordLogout } from "./login";
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
    expect(await attemptLogin("alice", "wrong", null)).toEqual({ ok: false, reason: "invalid" });
    expect(await attemptLogin("nobody", "wrong", null)).toEqual({ ok: false, reason: "invalid" });
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
    expect(await attemptLogin("alice", "Corr3ct-horse", null)).toEqual({ ok: false, reason: "disabled" });
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
    expect(await attemptLogin("alice", "bad", null)).toEqual({ ok: false, reason: "locked" });
    expect(await attemptLogin("alice", "Corr3ct-horse", null)).toEqual({ ok: false, reason: "locked" });
  });

  test("an admin cannot disable itself or change its own role", async () => {
    const admin = await makeUser("root", "admin", "a");
    expect(() => setUserDisabled(admin, admin.id as string, true)).toThrow(/不能停用自己/);
  });
});
