import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";

/**
 * TOTP of RFC 6238 (30-second steps, 6 digits, SHA-1: what every authenticator app reads) by
 * the otpauth library. Pure: the time is passed in.
 */
const PERIOD = 30;
const ISSUER = "Gongkai 政府信息公开";

const totp = (secretBase32: string, username = "") => new TOTP({ issuer: ISSUER, label: username, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, username: string): string {
  return totp(secretBase32, username).toString();
}

/** The time step a code belongs to, if it is valid at `at` (one step of clock drift either way); else null. */
export function totpStepOf(code: string, secretBase32: string, at: Date): number | null {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secretBase32).validate({ token, timestamp: at.getTime(), window: 1 });
  return delta === null ? null : Math.floor(at.getTime() / 1000 / PERIOD) + delta;
}

/** The code of a step (for tests and for a helper that logs in). */
export function totpCode(secretBase32: string, at: Date): string {
  return totp(secretBase32).generate({ timestamp: at.getTime() });
}

/** Ten one-time recovery codes, `xxxx-xxxx` from an unambiguous alphabet. */
export function newRecoveryCodes(): string[] {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from({ length: 10 }, () => {
    const chars = Array.from(randomBytes(8), (b) => alphabet[b % alphabet.length]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}
