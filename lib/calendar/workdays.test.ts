import { describe, expect, test } from "vitest";
import shipped from "./holidays-cn.json";
import { addWorkdays, buildCalendar, pausedWorkdays, replyDue } from "./workdays";

const years = Object.fromEntries(Object.entries(shipped.years).map(([y, v]) => [y, { holidays: v.holidays, makeupWorkdays: v.makeup_workdays }]));
const calendar = buildCalendar(years);

describe("working days with 调休 (domain.md §2.7 worked examples)", () => {
  test.each([
    ["2024-09-27", 7, "2024-10-12"],
    ["2024-09-27", 20, "2024-10-30"],
    ["2024-09-27", 40, "2024-11-27"],
    ["2024-12-20", 20, "2025-01-20"],
    ["2025-01-20", 7, "2025-02-05"],
    ["2025-01-20", 20, "2025-02-21"],
    ["2025-09-26", 20, "2025-10-30"],
    ["2026-02-10", 20, "2026-03-16"],
  ])("%s + %i working days = %s", (start, n, expected) => {
    const result = addWorkdays(calendar, start, n);
    expect(result.date).toBe(expected);
    expect(result.provisional).toBe(false);
  });

  test("a receipt on a holiday or a make-up Saturday: the day itself never counts", () => {
    expect(addWorkdays(calendar, "2024-10-01", 1).date).toBe("2024-10-08");
    expect(addWorkdays(calendar, "2024-10-12", 1).date).toBe("2024-10-14");
  });

  test("the explanation names the make-up days and holidays it crossed", () => {
    const notes = addWorkdays(calendar, "2024-09-27", 20).steps.map((s) => s.note).join("\n");
    expect(notes).toContain("2024-09-29 调休上班，计入");
    expect(notes).toContain("2024-10-01 法定节假日，不计");
    expect(notes).toContain("2024-10-12 调休上班，计入");
    expect(notes).toContain("第 20 个工作日：2024-10-30");
  });

  test("pauses: working days after the first day up to the last, overlaps once; an extension adds", () => {
    expect(pausedWorkdays(calendar, [{ from: "2024-03-04", to: "2024-03-08" }]).days).toBe(4);
    expect(pausedWorkdays(calendar, [{ from: "2024-03-04", to: "2024-03-08" }, { from: "2024-03-06", to: "2024-03-12" }]).days).toBe(6);
    const base = replyDue(calendar, { received: "2024-03-01" }).date;
    const paused = replyDue(calendar, { received: "2024-03-01", pauses: [{ from: "2024-03-04", to: "2024-03-08" }] }).date;
    expect(paused > base).toBe(true);
    expect(replyDue(calendar, { received: "2024-09-27", extension: 20 }).date).toBe("2024-11-27");
    expect(replyDue(calendar, { received: "2024-01-02", supplemented: "2024-09-27" }).date).toBe("2024-10-30");
  });

  test("a year with no notice is provisional", () => {
    const result = addWorkdays(calendar, "2026-12-20", 20);
    expect(result.provisional).toBe(true);
    expect(addWorkdays(calendar, "2027-09-28", 1).date).toBe("2027-09-29");
    expect(addWorkdays(calendar, "2027-09-30", 1).date).toBe("2027-10-04");
  });
});
