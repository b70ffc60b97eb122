import { beforeEach, describe, expect, test } from "vitest";
import { getSqlite } from "../../db";
import { createAgency } from "../agencies/mutations";
import { CLI_ACTOR } from "./actor";
import { freshDatabase, makeUser } from "../testing/db";
import { setClockForTests } from "../time";
import { attemptLogin } from "./login";
import { resetUserSecondFactor } from "../users/mutations";
import { confirmEnrollment, enrollment, verifySecondFactor } from "./second-factor";
import { loadSessionUser, type SessionUser } from "./sessions";
import { totpCode } from "./totp";

describe("two-factor login (TOTP)", () => {
  beforeEach(async () => {
    freshDatabase();
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
    await makeUser("root", "admin", "a", "Adm1n-password");
    await makeUser("alice", "clerk", "a", "Corr3ct-horse");
  });

  const session = async (username: string, password: string): Promise<SessionUser> => {
    const r = await attemptLogin(username, password, null);
    if (!r.ok) throw new Error(`login failed: ${r.reason}`);
    return loadSessionUser(r.sessionId) as SessionUser;
  };

  test("an admin enrolls at its first login, then gives a fresh code at each login; a code is taken once, a recovery code once", async () => {
    const t0 = new Date("2026-06-01T08:00:00.000Z");
    setClockForTests(t0);
    try {
      const first = await session("root", "Adm1n-password");
      expect(first.secondFactor).toBe("enroll");
      const { secret, uri, qrSvg } = await enrollment(first);
      expect(uri).toMatch(/^otpauth:\/\/totp\//);
      expect(qrSvg).toContain("<svg");
      expect((await enrollment(first)).secret).toBe(secret); // the same secret until confirmed
      expect(() => confirmEnrollment(first, "000000")).toThrow(/验证码不正确/);
      expect((getSqlite().prepare("SELECT failed_logins AS n FROM users WHERE username = 'root'").get() as { n: number }).n).toBe(1);
      const { recoveryCodes } = confirmEnrollment(first, totpCode(secret, t0));
      expect(recoveryCodes).toHaveLength(10);
      expect(loadSessionUser(first.sessionId)?.secondFactor).toBe("ok");
      const stored = getSqlite().prepare("SELECT totp_secret_enc AS s, totp_recovery AS r FROM users WHERE username = 'root'").get() as { s: string; r: string };
      expect(stored.s).not.toContain(secret); // encrypted at rest
      expect(stored.r).not.toContain(recoveryCodes[0]); // hashed

      const second = await session("root", "Adm1n-password");
      expect(second.secondFactor).toBe("verify");
      expect(() => verifySecondFactor(second, totpCode(secret, t0))).toThrow(/验证码不正确/); // the step already used
      setClockForTests(new Date(t0.getTime() + 30_000));
      verifySecondFactor(second, totpCode(secret, new Date(t0.getTime() + 30_000)));
      expect(loadSessionUser(second.sessionId)?.secondFactor).toBe("ok");

      const third = await session("root", "Adm1n-password");
      expect(verifySecondFactor(third, recoveryCodes[3])).toEqual({ usedRecoveryCode: true, recoveryCodesLeft: 9 });
      const fourth = await session("root", "Adm1n-password");
      expect(() => verifySecondFactor(fourth, recoveryCodes[3])).toThrow(/验证码不正确/);
      expect(loadSessionUser(fourth.sessionId)?.secondFactor).toBe("verify");
    } finally {
      setClockForTests(null);
    }
  });

  test("a clerk who has not enrolled is never stopped at login; five wrong codes lock the account", async () => {
    expect((await session("alice", "Corr3ct-horse")).secondFactor).toBe("ok");
    const root = await session("root", "Adm1n-password");
    const { secret } = await enrollment(root);
    confirmEnrollment(root, totpCode(secret, new Date()));
    const next = await session("root", "Adm1n-password");
    for (let i = 0; i < 4; i++) expect(() => verifySecondFactor(next, "123456")).toThrow(/验证码不正确/);
    expect(() => verifySecondFactor(next, "123456")).toThrow(/锁定/);
    expect(loadSessionUser(next.sessionId)).toBeNull();
    expect(await attemptLogin("root", "Adm1n-password", null)).toMatchObject({ ok: false, reason: "locked" });
  });

  test("resetting the second factor (lost device) ends the user's sessions; it enrolls again at its next login", async () => {
    const root = await session("root", "Adm1n-password");
    const { secret } = await enrollment(root);
    confirmEnrollment(root, totpCode(secret, new Date()));
    resetUserSecondFactor(CLI_ACTOR, root.id);
    expect(loadSessionUser(root.sessionId)).toBeNull();
    expect((await session("root", "Adm1n-password")).secondFactor).toBe("enroll");
    const audited = getSqlite().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'user.reset_2fa'").get() as { n: number };
    expect(audited.n).toBe(1);
  });
});
