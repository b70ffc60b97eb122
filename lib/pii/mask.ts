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

export const PII_MASKS = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  creditCode: maskCreditCode,
} as const;
