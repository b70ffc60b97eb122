import { expect, test } from "vitest";
import cd from "chinese-days/dist/chinese-days.json";
import { getDb } from "../../db";
import { addDays } from "../dates";
import { freshDatabase } from "../testing/db";
import verified from "./holidays-cn.json";
import { readCalendar } from "./queries";
import { buildCalendar, isWorkday } from "../deadlines/workdays";

const verifiedCalendar = buildCalendar(
  Object.fromEntries(
    Object.entries(verified.years).map(([y, v]) => [
      y,
      [...v.holidays.map((date) => ({ date, kind: "holiday" as const, name: null })), ...v.makeup_workdays.map((date) => ({ date, kind: "makeup" as const, name: null }))],
    ]),
  ),
);

test("a new database holds 2004–2026, and 2023–2026 equal the verified notices on every day", () => {
  freshDatabase();
  const calendar = readCalendar(getDb());
  expect([...calendar.years].sort()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
  for (let d = "2023-01-01"; d <= "2026-12-31"; d = addDays(d, 1)) {
    expect(isWorkday(calendar, d).workday, d).toBe(isWorkday(verifiedCalendar, d).workday);
  }
  expect(calendar.holidays.get("2024-10-01")).toBe("国庆节");
  expect(calendar.makeup.get("2024-10-12")).toBe("国庆节");
});

test("the chinese-days package agrees with the verified notices for 2023–2026", () => {
  const data = cd as { holidays: Record<string, string>; workdays: Record<string, string> };
  const fromPackage = buildCalendar({
    all: [
      ...Object.keys(data.holidays).map((date) => ({ date, kind: "holiday" as const, name: null })),
      ...Object.keys(data.workdays).map((date) => ({ date, kind: "makeup" as const, name: null })),
    ],
  });
  for (let d = "2023-01-01"; d <= "2026-12-31"; d = addDays(d, 1)) {
    const weekendRest = isWorkday(verifiedCalendar, d);
    const pkg = fromPackage.makeup.has(d) || (!fromPackage.holidays.has(d) && ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
    expect(pkg, d).toBe(weekendRest.workday);
  }
});
