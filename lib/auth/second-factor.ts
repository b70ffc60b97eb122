import "server-only";
import { eq } from "drizzle-orm";
import QRCode from "qrcode";
import { writeTx } from "../../db";
import { sessions, users } from "../../db/schema";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import { decryptPii, encryptPii, secretHash } from "../pii/crypto";
import { now, nowIso } from "../time";
import type { Actor } from "./actor";
import type { SessionUser } from "./sessions";
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from "./login";
import { newRecoveryCodes, newTotpSecret, totpStepOf, totpUri } from "./totp";

/**
 * Two-factor login (issue 12): TOTP after the password, on a page of its own. Mandatory for
 * admins and auditors (enrolled at their first login after it became required), optional for
 * the others (enrolled from /account/2fa). A wrong code counts as a failed login (the same
 * lock), a code is accepted once (its time step is remembered), and each of the ten recovery
 * codes works once.
 */

const actorOf = (user: SessionUser): Actor => ({ id: user.id, username: user.username, role: user.role, agencyId: user.agencyId });
const recoveryHash = (code: string) => secretHash("recovery", code.trim().toLowerCase());

export type Enrollment = { secret: string; uri: string; qrSvg: string };

/** The secret being enrolled (made on first call, kept until confirmed), with its QR code. */
export async function enrollment(user: SessionUser): Promise<Enrollment> {
  const secret = writeTx((tx) => {
    const row = tx.select({ pending: users.totpPendingEnc }).from(users).where(eq(users.id, user.id)).get();
    if (row?.pending) return decryptPii(row.pending);
    const fresh = newTotpSecret();
    tx.update(users).set({ totpPendingEnc: encryptPii(fresh) }).where(eq(users.id, user.id)).run();
    return fresh;
  });
  const uri = totpUri(secret, user.username);
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) };
}

/** A wrong code: the same counter and lock as a wrong password. Written, then refused (outside the transaction). */
type Refusal = { refused: string };
function refuse(tx: Parameters<Parameters<typeof writeTx>[0]>[0], user: SessionUser, failedLogins: number, action: string): Refusal {
  const failed = failedLogins + 1;
  const locks = failed >= MAX_FAILED_LOGINS;
  tx.update(users)
    .set({ failedLogins: locks ? 0 : failed, lockedUntil: locks ? new Date(now().getTime() + LOCK_MINUTES * 60_000).toISOString() : null })
    .where(eq(users.id, user.id))
    .run();
  if (locks) tx.update(sessions).set({ revokedAt: nowIso() }).where(eq(sessions.id, user.sessionId)).run();
  recordAudit(tx, actorOf(user), { action, objectType: "user", objectId: user.id, result: "denied", detail: { failed } });
  return { refused: locks ? "验证码错误次数过多，账号已锁定 15 分钟" : "验证码不正确" };
}

function unlessRefused<T extends object>(result: T | Refusal): T {
  if ("refused" in result) throw new AppError("INVALID", result.refused, "code");
  return result;
}

/** Confirms the enrollment with a code from the app: the factor is on, this session verified, the recovery codes returned once. */
export function confirmEnrollment(user: SessionUser, code: string): { recoveryCodes: string[] } {
  return unlessRefused(writeTx((tx): { recoveryCodes: string[] } | Refusal => {
    const row = tx.select().from(users).where(eq(users.id, user.id)).get();
    if (!row?.totpPendingEnc) throw new AppError("CONFLICT", "请刷新页面后重新扫描二维码", "code");
    const step = totpStepOf(code, decryptPii(row.totpPendingEnc), now());
    if (step === null) return refuse(tx, user, row.failedLogins, "auth.2fa_enroll");
    const recoveryCodes = newRecoveryCodes();
    tx.update(users)
      .set({
        totpSecretEnc: row.totpPendingEnc,
        totpPendingEnc: null,
        totpEnabledAt: nowIso(),
        totpLastStep: step,
        totpRecovery: JSON.stringify(recoveryCodes.map(recoveryHash)),
        failedLogins: 0,
      })
      .where(eq(users.id, user.id))
      .run();
    tx.update(sessions).set({ secondFactorAt: nowIso() }).where(eq(sessions.id, user.sessionId)).run();
    recordAudit(tx, actorOf(user), { action: "auth.2fa_enroll", objectType: "user", objectId: user.id });
    return { recoveryCodes };
  }));
}

/** The code after the password: a TOTP code not used before, or one of the recovery codes. */
export function verifySecondFactor(user: SessionUser, code: string): { usedRecoveryCode: boolean; recoveryCodesLeft: number } {
  return unlessRefused(writeTx((tx): { usedRecoveryCode: boolean; recoveryCodesLeft: number } | Refusal => {
    const row = tx.select().from(users).where(eq(users.id, user.id)).get();
    if (!row?.totpSecretEnc) throw new AppError("CONFLICT", "尚未设置双因素登录", "code");
    if (row.lockedUntil && row.lockedUntil > nowIso()) return { refused: "账号已锁定，请稍后再试或联系管理员" };
    const step = totpStepOf(code, decryptPii(row.totpSecretEnc), now());
    const hashes = JSON.parse(row.totpRecovery ?? "[]") as string[];
    let usedRecoveryCode = false;
    if (step !== null && step > (row.totpLastStep ?? -1)) {
      tx.update(users).set({ totpLastStep: step, failedLogins: 0 }).where(eq(users.id, user.id)).run();
    } else if (step === null && hashes.includes(recoveryHash(code))) {
      usedRecoveryCode = true;
      hashes.splice(hashes.indexOf(recoveryHash(code)), 1);
      tx.update(users).set({ totpRecovery: JSON.stringify(hashes), failedLogins: 0 }).where(eq(users.id, user.id)).run();
    } else {
      return refuse(tx, user, row.failedLogins, "auth.2fa_verify");
    }
    tx.update(sessions).set({ secondFactorAt: nowIso() }).where(eq(sessions.id, user.sessionId)).run();
    recordAudit(tx, actorOf(user), { action: "auth.2fa_verify", objectType: "session", objectId: user.id, detail: usedRecoveryCode ? { recoveryCode: true, left: hashes.length } : undefined });
    return { usedRecoveryCode, recoveryCodesLeft: hashes.length };
  }));
}
