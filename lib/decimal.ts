/**
 * Exact non-negative decimals kept as strings end to end (interfaces.md: money is never a
 * float) — the one helper for fees in 元 and the 万元 amounts of section 二.
 */
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** A fee as the forms and ledgers take it: at most 9 digits before the point and 2 after. */
export const YUAN_AMOUNT = /^\d{1,9}(\.\d{1,2})?$/;

/** A non-negative decimal given as a number or a string, as a plain decimal string ("012.50" → "12.5"); null if it is none. */
export function normalizeDecimal(value: unknown): string | null {
  const text = typeof value === "number" ? (Number.isFinite(value) && value >= 0 ? String(value) : "") : typeof value === "string" ? value.trim() : "";
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const int = m[1].replace(/^0+(?=\d)/, "");
  const frac = (m[2] ?? "").replace(/0+$/, "");
  return frac ? `${int}.${frac}` : int;
}

/** The exact sum of decimal strings, as a plain decimal string ("0" for none). */
export function sumDecimals(values: readonly string[]): string {
  const parts = values.map((v) => {
    const d = normalizeDecimal(v);
    if (d === null) throw new Error(`not a decimal: ${v}`);
    const [int, frac = ""] = d.split(".");
    return { int, frac };
  });
  const scale = Math.max(0, ...parts.map((p) => p.frac.length));
  const units = parts.reduce((s, p) => s + BigInt(p.int + p.frac.padEnd(scale, "0")), 0n);
  const digits = units.toString().padStart(scale + 1, "0");
  return normalizeDecimal(scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits) as string;
}

/** Whether a decimal string is zero ("0", "0.00"). */
export const isZero = (value: string) => normalizeDecimal(value) === "0";
