import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

/** Passwords are stored as scrypt hashes (N=2^15, r=8, p=1) with a 16-byte salt. */

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;
const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, 32, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await scryptAsync(password, Buffer.from(salt, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

/** A hash of a random password, verified against when the username is unknown (equal timing). */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString("base64"));
  return dummyHash;
}

export function generatePassword(): string {
  // No look-alike characters: it is read off a console and typed by hand. Drawn until it meets
  // the rules below (letters and digits), which almost every draw does.
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  for (;;) {
    const password = Array.from(randomBytes(16), (b) => alphabet[b % alphabet.length]).join("");
    if (!passwordProblem(password)) return password;
  }
}

/**
 * Passwords too common to allow: the 49 000 most common of the leaked-password lists that
 * zxcvbn ships (@zxcvbn-ts/language-common), and the common Chinese patterns below. Compared
 * without case. Loaded on first use.
 */
const CHINESE_COMMON = [
  "woaini1314", "woaini520", "woaini5201314", "5201314woaini", "5201314abc", "abc5201314", "qq123456789", "qq1234567890",
  "abc1234567", "abc12345678", "abc123456789", "abcd123456", "abcd1234567", "a1234567890", "aa123456789", "asd123456789",
  "qwe123456789", "qwe1234567", "zxc123456789", "zhang123456", "wang123456", "li123456789", "liu123456", "chen123456",
  "aini1314520", "1314520abc", "1234567890abc", "admin123456", "admin12345678", "root123456", "test123456", "p@ssw0rd123",
];
let common: Set<string> | undefined;
async function commonPasswords(): Promise<Set<string>> {
  if (!common) {
    const { dictionary } = await import("@zxcvbn-ts/language-common");
    common = new Set([...(dictionary["passwords-common"] as string[]), ...CHINESE_COMMON].map((p) => p.toLowerCase()));
  }
  return common;
}

const MIN_NAME_IN_PASSWORD = 3;

/** The rules of form for a password a person chooses; returns a Chinese message or null. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < 10) return "密码至少 10 位";
  if (password.length > 200) return "密码不超过 200 位";
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return "密码须同时包含字母和数字";
  // A one- or two-letter name is inside most passwords by chance; from three letters on it is a choice.
  if (username && username.length >= MIN_NAME_IN_PASSWORD && password.toLowerCase().includes(username.toLowerCase())) {
    return "密码不能包含用户名";
  }
  return null;
}

/** Every rule, the list of common passwords included: what the page and the CLI both refuse. */
export async function choosePasswordProblem(password: string, username?: string): Promise<string | null> {
  const problem = passwordProblem(password, username);
  if (problem) return problem;
  if ((await commonPasswords()).has(password.toLowerCase())) return "该密码过于常见，容易被猜中，请换一个";
  return null;
}
