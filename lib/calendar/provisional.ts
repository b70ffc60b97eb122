import { getSolarDateFromLunar, getSolarTerms } from "chinese-days";
import { addDays } from "../dates";

/**
 * The provisional calendar of a year with no State Council notice (domain.md A4): the statutory
 * holidays of 《全国年节及纪念日放假办法》 (2024 revision) only — 元旦 1 January, 春节 除夕 to 初三,
 * 清明 (the solar term), 劳动节 1–2 May, 端午 (5th of the 5th lunar month), 中秋 (15th of the 8th),
 * 国庆 1–3 October — with the lunar dates converted by chinese-days, and no make-up days.
 */
const cache = new Map<number, Map<string, string>>();

export function provisionalHolidays(year: number): Map<string, string> {
  const hit = cache.get(year);
  if (hit) return hit;
  const days = new Map<string, string>();
  const add = (date: string, name: string) => days.set(date, name);
  add(`${year}-01-01`, "元旦");
  const newYear = getSolarDateFromLunar(`${year}-01-01`).date;
  for (let i = -1; i <= 2; i++) add(addDays(newYear, i), "春节");
  const qingming = getSolarTerms(`${year}-04-01`, `${year}-04-10`).find((t) => t.name === "清明");
  if (qingming) add(qingming.date, "清明节");
  add(`${year}-05-01`, "劳动节");
  add(`${year}-05-02`, "劳动节");
  add(getSolarDateFromLunar(`${year}-05-05`).date, "端午节");
  add(getSolarDateFromLunar(`${year}-08-15`).date, "中秋节");
  for (const d of ["10-01", "10-02", "10-03"]) add(`${year}-${d}`, "国庆节");
  cache.set(year, days);
  return days;
}
