import { expect, test } from "vitest";
import { getDb } from "../../db";
import { freshDatabase } from "../testing/db";
import shipped from "./holidays-cn.json";
import { readCalendar } from "./store";

test("a new database holds the shipped 2023–2026 calendars exactly", () => {
  freshDatabase();
  const calendar = readCalendar(getDb());
  expect([...calendar.years].sort()).toEqual([2023, 2024, 2025, 2026]);
  const holidays = Object.values(shipped.years).flatMap((y) => y.holidays);
  const makeup = Object.values(shipped.years).flatMap((y) => y.makeup_workdays);
  expect([...calendar.holidays].sort()).toEqual([...new Set(holidays)].sort());
  expect([...calendar.makeup].sort()).toEqual([...new Set(makeup)].sort());
});
