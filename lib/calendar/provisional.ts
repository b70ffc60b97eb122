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
  const y = String(year).padStart(4, "0");
  // chinese-days converts reliably from 1901 to 2100; outside that (or if a conversion lands in
  // another year) only the fixed-date holidays are assumed.
  const add = (date: string | undefined, name: string) => {
    if (date?.startsWith(`${y}-`)) days.set(date, name);
  };
  const lunar = (monthDay: string) => (year >= 1901 && year <= 2100 ? getSolarDateFromLunar(`${year}-${monthDay}`).date : undefined);
  add(`${y}-01-01`, "元旦");
  const newYear = lunar("01-01");
  if (newYear) for (let i = -1; i <= 2; i++) add(addDays(newYear, i), "春节");
  if (year >= 1901 && year <= 2100) add(getSolarTerms(`${year}-04-01`, `${year}-04-10`).find((t) => t.name === "清明")?.date, "清明节");
  add(`${y}-05-01`, "劳动节");
  add(`${y}-05-02`, "劳动节");
  add(lunar("05-05"), "端午节");
  add(lunar("08-15"), "中秋节");
  for (const d of ["10-01", "10-02", "10-03"]) add(`${y}-${d}`, "国庆节");
  cache.set(year, days);
  return days;
}
