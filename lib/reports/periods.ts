import type { Period } from "./engine-period";

/** The periods a report page offers: the year, its quarters and months (A6: internal statistics). */
export const PERIOD_CODES = ["year", "Q1", "Q2", "Q3", "Q4", ...Array.from({ length: 12 }, (_, i) => `M${String(i + 1).padStart(2, "0")}`)] as const;

function lastDay(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export function periodOf(year: number, code: string | undefined): { code: string; period: Period; label: string } {
  const q = /^Q([1-4])$/.exec(code ?? "");
  if (q) {
    const first = (Number(q[1]) - 1) * 3 + 1;
    return { code: code as string, period: { from: `${year}-${String(first).padStart(2, "0")}-01`, to: lastDay(year, first + 2) }, label: `${year}年第${"一二三四"[Number(q[1]) - 1]}季度` };
  }
  const m = /^M(0[1-9]|1[0-2])$/.exec(code ?? "");
  if (m) return { code: code as string, period: { from: `${year}-${m[1]}-01`, to: lastDay(year, Number(m[1])) }, label: `${year}年${Number(m[1])}月` };
  return { code: "year", period: { from: `${year}-01-01`, to: `${year}-12-31` }, label: `${year}年` };
}
