/**
 * Check digits of Chinese identifiers, pure. 居民身份证 numbers follow GB 11643-1999 (ISO 7064
 * MOD 11-2), 统一社会信用代码 GB 32100-2015 (MOD 31 over its 31-character alphabet).
 */
import { isIsoDate } from "../dates";

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

export function isValidResidentId(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birth) || birth < "1850-01-01") return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17];
}

const CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function isValidCreditCode(value: string): boolean {
  const code = value.trim().toUpperCase();
  if (code.length !== 18) return false;
  const digits = [...code].map((c) => CREDIT_ALPHABET.indexOf(c));
  if (digits.some((d) => d < 0)) return false;
  const sum = CREDIT_WEIGHTS.reduce((acc, w, i) => acc + w * digits[i], 0);
  const check = (31 - (sum % 31)) % 31;
  return digits[17] === check;
}

/** Mobile (1xx xxxx xxxx), landline with area code and optional extension, or 400/800 lines. */
export function isValidPhone(value: string): boolean {
  const compact = value.replace(/[\s()（）]/g, "");
  return (
    /^(\+?86-?)?1[3-9]\d{9}$/.test(compact) ||
    /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(compact) ||
    /^[48]00-?\d{3}-?\d{4}$/.test(compact) ||
    /^\d{7,8}$/.test(compact)
  );
}

/**
 * 证件号码 may be a 居民身份证 or another document (passport, 港澳通行证…): a value that looks
 * like a resident ID (all digits, or 17 digits and X) must be one with a right check digit.
 */
export function idNumberProblem(value: string): string | null {
  const id = value.trim().toUpperCase();
  if (/^\d{17}[\dX]$/.test(id)) return isValidResidentId(id) ? null : "居民身份证号码校验位不正确或出生日期无效";
  if (/^\d+X?$/.test(id) && id.length !== 15) return "居民身份证号码应为 18 位";
  return null;
}

export function creditCodeProblem(value: string): string | null {
  return isValidCreditCode(value) ? null : "统一社会信用代码应为 18 位且校验位正确";
}

export function phoneProblem(value: string): string | null {
  return isValidPhone(value) ? null : "联系电话格式不正确（手机号 11 位，固话如 0396-1234567）";
}
