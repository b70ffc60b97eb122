import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { addDays, weekday } from "../dates";
import { shippedYears } from "../calendar/shipped";
import { addWorkdays, buildCalendar, countWorkdays, deliveryOnTime, isWorkday, pausedWorkdays, replyDue, supplementNoticeDue } from "./workdays";

const calendar = buildCalendar(Object.fromEntries(shippedYears().map((y) => [y.year, y.days])));
/** The calendars as shipped up to 2026: 2027 has no notice here, whatever a later release ships. */
const upTo2026 = buildCalendar(Object.fromEntries(shippedYears().filter((y) => y.year <= 2026).map((y) => [y.year, y.days])));

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

  test("the explanation reads like the clerk would say it", () => {
    const notes = addWorkdays(calendar, "2024-09-27", 20).steps.map((s) => s.note);
    expect(notes).toEqual([
      "2024-09-27 当日不计，次日起算",
      "9月29日（星期日）国庆节调休上班，计入",
      "10月1日–7日 国庆节放假，不计",
      "10月12日（星期六）国庆节调休上班，计入",
      "第 20 个工作日：2024-10-30",
    ]);
  });
});

/** The State Council notices of 2024–2026 as published: holiday blocks and their make-up days. */
const NOTICES: [string, string, string, string[]][] = [
  ["2024 元旦", "2023-12-30", "2024-01-01", []],
  ["2024 春节", "2024-02-10", "2024-02-17", ["2024-02-04", "2024-02-18"]],
  ["2024 清明", "2024-04-04", "2024-04-06", ["2024-04-07"]],
  ["2024 劳动节", "2024-05-01", "2024-05-05", ["2024-04-28", "2024-05-11"]],
  ["2024 端午", "2024-06-08", "2024-06-10", []],
  ["2024 中秋", "2024-09-15", "2024-09-17", ["2024-09-14"]],
  ["2024 国庆", "2024-10-01", "2024-10-07", ["2024-09-29", "2024-10-12"]],
  ["2025 元旦", "2025-01-01", "2025-01-01", []],
  ["2025 春节", "2025-01-28", "2025-02-04", ["2025-01-26", "2025-02-08"]],
  ["2025 清明", "2025-04-04", "2025-04-06", []],
  ["2025 劳动节", "2025-05-01", "2025-05-05", ["2025-04-27"]],
  ["2025 端午", "2025-05-31", "2025-06-02", []],
  ["2025 国庆中秋", "2025-10-01", "2025-10-08", ["2025-09-28", "2025-10-11"]],
  ["2026 元旦", "2026-01-01", "2026-01-03", ["2026-01-04"]],
  ["2026 春节", "2026-02-15", "2026-02-23", ["2026-02-14", "2026-02-28"]],
  ["2026 清明", "2026-04-04", "2026-04-06", []],
  ["2026 劳动节", "2026-05-01", "2026-05-05", ["2026-05-09"]],
  ["2026 端午", "2026-06-19", "2026-06-21", []],
  ["2026 中秋", "2026-09-25", "2026-09-27", []],
  ["2026 国庆", "2026-10-01", "2026-10-07", ["2026-09-20", "2026-10-10"]],
];

describe("every 2024–2026 holiday block with its make-up days", () => {
  test.each(NOTICES)("%s: %s to %s off, make-up %j", (_name, from, to, makeup) => {
    // Some lists name only the weekdays of a block; its weekend days are rest days all the same.
    for (let d = from; d <= to; d = addDays(d, 1)) expect(isWorkday(calendar, d), d).toMatchObject({ workday: false, provisional: false });
    expect(isWorkday(calendar, to).reason).toMatch(weekday(to) === 0 || weekday(to) === 6 ? /holiday|weekend/ : /holiday/);
    for (const d of makeup) {
      expect([0, 6]).toContain(weekday(d));
      expect(isWorkday(calendar, d), d).toMatchObject({ workday: true, reason: "makeup" });
    }
    // A receipt on the day before the block: the first working day is after it, unless a make-up day comes first.
    const next = addWorkdays(calendar, addDays(from, -1), 1).date;
    expect(next > to || makeup.includes(next)).toBe(true);
  });
});

describe("the reply due date", () => {
  test("a holiday block reads whole, weekends inside it included", () => {
    const notes = addWorkdays(calendar, "2024-06-06", 3).steps.map((s) => s.note);
    expect(notes).toContain("6月8日–10日 端午节放假，不计");
  });

  test("a receipt on a holiday or a make-up Saturday: the day itself never counts", () => {
    expect(addWorkdays(calendar, "2024-10-01", 1).date).toBe("2024-10-08");
    expect(addWorkdays(calendar, "2024-10-12", 1).date).toBe("2024-10-14");
    expect(replyDue(calendar, { received: "2024-10-03" }).date).toBe(addWorkdays(calendar, "2024-10-07", 20).date);
  });

  test("a pause across National Day excludes the working days after its first day, make-up Sunday included", () => {
    const pause = { from: "2024-09-27", to: "2024-10-10", kind: "third_party" as const };
    expect(pausedWorkdays(calendar, [pause], "2024-09-27").days).toBe(5); // 9-29 (调休), 9-30, 10-8, 10-9, 10-10
    const due = replyDue(calendar, { received: "2024-09-27", pauses: [pause] });
    expect(due.date).toBe("2024-11-06");
    expect(due.steps.map((s) => s.note).join("\n")).toContain("征求第三方意见（条例第三十二条） 2024-09-27 至 2024-10-10：不计入 5 个工作日");
  });

  test("overlapping pauses count once", () => {
    expect(pausedWorkdays(calendar, [{ from: "2024-03-04", to: "2024-03-08" }], "2024-03-01").days).toBe(4);
    const both = pausedWorkdays(calendar, [
      { from: "2024-03-04", to: "2024-03-08" },
      { from: "2024-03-06", to: "2024-03-12" },
    ], "2024-03-01");
    expect(both.days).toBe(6);
    expect(both.each).toEqual([4, 2]);
  });

  test("an extension after a pause; a 补正 restart; an Art 35 later date", () => {
    const pause = { from: "2024-09-27", to: "2024-10-10" };
    const extended = replyDue(calendar, { received: "2024-09-27", pauses: [pause], extension: 20 });
    expect(extended.date).toBe("2024-12-04");
    expect(extended.unextended).toBe("2024-11-06");
    expect(replyDue(calendar, { received: "2024-09-27", extension: 20 }).date).toBe("2024-11-27");
    const restarted = replyDue(calendar, { received: "2024-01-02", supplemented: "2024-09-27" });
    expect(restarted.date).toBe("2024-10-30");
    expect(restarted.steps[0].note).toContain("期限自此重新起算");
    expect(replyDue(calendar, { received: "2024-09-27", delayedTo: "2024-12-31" }).date).toBe("2024-12-31");
    expect(replyDue(calendar, { received: "2024-09-27", delayedTo: "2024-10-01" }).date).toBe("2024-10-30");
  });

  test("the 补正 notice is due within 7 working days", () => {
    expect(supplementNoticeDue(calendar, "2024-09-27").date).toBe("2024-10-12");
  });

  test("on time by the delivery rule", () => {
    expect(deliveryOnTime("2024-10-30", "post", "2024-10-30")).toMatchObject({ onTime: true });
    expect(deliveryOnTime("2024-10-30", "direct", "2024-10-31").onTime).toBe(false);
    expect(deliveryOnTime("2024-10-30", "electronic", "2024-10-29").note).toContain("以发送之日 2024-10-29 计");
  });
});

describe("pauses count only after the clock start (A4 as amended)", () => {
  test("a pause before the 补正 restart adds nothing: received 3-1, supplemented 4-1, paused 3-4 to 3-15 → 4-29", () => {
    const pause = { from: "2024-03-04", to: "2024-03-15", kind: "third_party" as const };
    const due = replyDue(calendar, { received: "2024-03-01", supplemented: "2024-04-01", pauses: [pause] });
    expect(due.date).toBe("2024-04-29");
    expect(due.date).toBe(replyDue(calendar, { received: "2024-03-01", supplemented: "2024-04-01" }).date);
    expect(due.steps.map((s) => s.note).join("\n")).toContain("不计入 0 个工作日（其中 9 个工作日在收到补正之前，不计）");
  });

  test("a pause before the receipt adds nothing", () => {
    const due = replyDue(calendar, { received: "2024-03-11", pauses: [{ from: "2024-03-01", to: "2024-03-08" }] });
    expect(due.date).toBe(replyDue(calendar, { received: "2024-03-11" }).date);
  });

  test("a pause running across the restart counts its days after the restart only", () => {
    // Supplemented Monday 2024-04-08; the pause 4-1..4-12 counts 4-9..4-12 (4 working days).
    const across = replyDue(calendar, { received: "2024-03-01", supplemented: "2024-04-08", pauses: [{ from: "2024-04-01", to: "2024-04-12" }] });
    expect(across.date).toBe(addWorkdays(calendar, "2024-04-08", 24).date);
  });

  test("overlapping pauses across a restart: the days after the restart, once", () => {
    const paused = pausedWorkdays(
      calendar,
      [
        { from: "2024-03-25", to: "2024-04-10" }, // 4-9, 4-10 after the restart on 4-8
        { from: "2024-04-09", to: "2024-04-12" }, // 4-10 overlaps; 4-11, 4-12 new
      ],
      "2024-04-08",
    );
    expect(paused).toMatchObject({ days: 4, each: [2, 2] });
    expect(paused.cut[0]).toBeGreaterThan(0);
    const due = replyDue(calendar, { received: "2024-03-01", supplemented: "2024-04-08", pauses: [{ from: "2024-03-25", to: "2024-04-10" }, { from: "2024-04-09", to: "2024-04-12" }] });
    expect(due.date).toBe(addWorkdays(calendar, "2024-04-08", 24).date);
  });
});

describe("a year with no notice is provisional", () => {
  test("weekends and the statutory holidays, lunar ones converted, no make-up days", () => {
    const provisional = buildCalendar({}); // nothing entered at all
    expect(isWorkday(provisional, "2027-02-05")).toMatchObject({ workday: false, provisional: true, name: "春节" }); // 除夕
    expect(addWorkdays(upTo2026, "2027-02-04", 1)).toMatchObject({ date: "2027-02-09", provisional: true }); // 除夕–初三 = 2-5..2-8
    expect(addWorkdays(upTo2026, "2027-04-02", 1).date).toBe("2027-04-06"); // 清明 4-5 (Monday)
    expect(addWorkdays(upTo2026, "2027-06-08", 1).date).toBe("2027-06-10"); // 端午 6-9
    expect(addWorkdays(upTo2026, "2027-09-14", 1).date).toBe("2027-09-16"); // 中秋 9-15
    expect(addWorkdays(upTo2026, "2027-09-30", 1).date).toBe("2027-10-04"); // 国庆 10-1..3
    expect(addWorkdays(upTo2026, "2027-04-30", 1).date).toBe("2027-05-03"); // 劳动节 5-1, 5-2 on a weekend: no 调休 guessed
    const due = replyDue(upTo2026, { received: "2026-12-20" });
    expect(due.provisional).toBe(true);
    expect(due.steps.at(-1)?.note).toContain("暂定");
    expect(due.steps.map((s) => s.note).join("\n")).toContain("元旦放假，不计（暂定）");
  });

  test("2004–2026 come from the shipped calendars: not provisional", () => {
    expect(addWorkdays(calendar, "2008-05-01", 1).provisional).toBe(false);
    expect(isWorkday(calendar, "2015-09-03")).toMatchObject({ workday: false, reason: "holiday" });
  });
});

function naive(cal: ReturnType<typeof buildCalendar>, from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkday(cal, d).workday) n++;
  return n;
}

describe("properties", () => {
  const dateArb = fc.integer({ min: 0, max: 365 * 25 }).map((n) => addDays("2004-01-01", n));
  const pauseArb = fc.tuple(dateArb, fc.integer({ min: 0, max: 40 })).map(([from, len]) => ({ from, to: addDays(from, len) }));

  test("a due date is always a working day, and the explanation's segments lead to it", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const result = addWorkdays(calendar, start, n);
        expect(isWorkday(calendar, result.date).workday).toBe(true);
        let expectedFrom = addDays(start, 1);
        let counted = 0;
        for (const s of result.segments) {
          expect(s.from).toBe(expectedFrom);
          for (let d = s.from; d <= s.to; d = addDays(d, 1)) {
            const day = isWorkday(calendar, d);
            expect(day.reason).toBe(s.kind);
            if (day.workday) counted++;
          }
          expect(s.counted).toBe(counted);
          expectedFrom = addDays(s.to, 1);
        }
        expect(counted).toBe(n);
        expect(result.segments.at(-1)?.to).toBe(result.date);
        expect(result.steps.at(-1)?.note).toContain(`第 ${n} 个工作日：${result.date}`);
      }),
      { numRuns: 300 },
    );
  });

  test("counting working days by arithmetic equals counting them one by one", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 3000 }), (from, span) => {
        const to = addDays(from, span);
        let n = 0;
        for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkday(calendar, d).workday) n++;
        expect(countWorkdays(calendar, from, to)).toBe(n);
        expect(countWorkdays(buildCalendar({}), from, to)).toBe(naive(buildCalendar({}), from, to));
      }),
      { numRuns: 200 },
    );
  });

  test("pauses that end on or before the clock start never change the due date", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 60 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 90 })), { maxLength: 4 }), (received, restartAfter, spans) => {
        const supplemented = restartAfter ? addDays(received, restartAfter) : null;
        const start = supplemented ?? received;
        // Each pause ends on or before the clock start, however early it begins.
        const pauses = spans.map(([endBack, len]) => ({ from: addDays(start, -endBack - len), to: addDays(start, -endBack) }));
        expect(replyDue(calendar, { received, supplemented, pauses }).date).toBe(replyDue(calendar, { received, supplemented }).date);
      }),
      { numRuns: 300 },
    );
  });

  test("a pause or an extension never makes the due date earlier", () => {
    fc.assert(
      fc.property(dateArb, fc.array(pauseArb, { maxLength: 3 }), pauseArb, fc.integer({ min: 0, max: 20 }), (received, pauses, extra, extension) => {
        const base = replyDue(calendar, { received, pauses });
        expect(isWorkday(calendar, base.date).workday).toBe(true);
        expect(replyDue(calendar, { received, pauses: [...pauses, extra] }).date >= base.date).toBe(true);
        expect(replyDue(calendar, { received, pauses, extension }).date >= base.date).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
