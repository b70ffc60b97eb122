/** Money as decimal strings end to end (interfaces.md: never a float). */

/** "12.50" → 1250 fen; exact for amounts with at most two decimals. */
export function yuanToFen(value: string): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!m) throw new Error(`not a yuan amount: ${value}`);
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** 1250 → "12.5", 295000 → "2950", 0 → "0". */
export function fenToYuan(fen: number): string {
  const whole = Math.trunc(fen / 100);
  const cents = fen % 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, "0").replace(/0$/, "")}`;
}

/** A non-negative decimal given as a number or a string, normalised to a plain decimal string. */
export function normalizeDecimal(value: unknown): string | null {
  const text = typeof value === "number" ? (Number.isFinite(value) && value >= 0 ? String(value) : "") : typeof value === "string" ? value.trim() : "";
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const [int, frac = ""] = text.split(".");
  const cleanInt = int.replace(/^0+(?=\d)/, "");
  const cleanFrac = frac.replace(/0+$/, "");
  return cleanFrac ? `${cleanInt}.${cleanFrac}` : cleanInt;
}
