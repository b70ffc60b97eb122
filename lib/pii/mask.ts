/**
 * Masks shown wherever a list shows personal data (issue 2 §3): `410***********1234`,
 * `138****5678`. Pure, so the audit writer and the UI use the same rule.
 */

function keepEnds(value: string, head: number, tail: number): string {
  const chars = [...value];
  if (chars.length <= head + tail) return "*".repeat(chars.length);
  return chars.slice(0, head).join("") + "*".repeat(chars.length - head - tail) + chars.slice(-tail).join("");
}

export function maskIdNumber(value: string | null | undefined): string {
  return value ? keepEnds(value.trim(), 3, 4) : "";
}

export function maskPhone(value: string | null | undefined): string {
  return value ? keepEnds(value.trim(), 3, 4) : "";
}

export function maskCreditCode(value: string | null | undefined): string {
  return value ? keepEnds(value.trim(), 4, 4) : "";
}

/** A name: its first character (the surname, or the first of an organisation's name). */
export function maskName(value: string | null | undefined): string {
  const chars = [...(value ?? "").trim()];
  return chars.length === 0 ? "" : chars[0] + "*".repeat(Math.max(1, chars.length - 1));
}

/** An address: its first six characters (province, city), the rest starred. */
export function maskAddress(value: string | null | undefined): string {
  const chars = [...(value ?? "").trim()];
  return chars.length === 0 ? "" : chars.slice(0, Math.min(6, chars.length - 1)).join("") + "****";
}

/** An e-mail address: the first character of the local part and the domain. */
export function maskEmail(value: string | null | undefined): string {
  const text = (value ?? "").trim();
  const at = text.lastIndexOf("@");
  if (at <= 0) return text ? keepEnds(text, 1, 0) : "";
  return `${text[0]}***${text.slice(at)}`;
}

export const PII_MASKS = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  creditCode: maskCreditCode,
} as const;
