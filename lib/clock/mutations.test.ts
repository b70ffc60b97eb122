import { beforeEach, describe, expect, test } from "vitest";
import { getSqlite } from "../../db";
import { createAgency } from "../agencies/mutations";
import { CLI_ACTOR } from "../auth/actor";
import { saveCalendarYear } from "../calendar/mutations";
import { calendarYearView } from "../calendar/queries";
import { noticeDays } from "../calendar/notice";
import { concludeRequest, createRequest } from "../requests/mutations";
import { dueCounts, getRequest, listRequests, listTimeline } from "../requests/queries";
import { concludeSchema } from "../requests/schemas";
import { currentCalendar } from "../calendar/queries";
import { replyDue } from "../deadlines/workdays";
import { addDays } from "../dates";
import { freshDatabase, makeUser, requestInput, TODAY } from "../testing/db";
import { addPause, endPause, recordDelay, recordDelivery, recordExtension, recordSupplemented, recordSupplementNotice, removePause } from "./mutations";
import { getRequestClock } from "./queries";
import { dueSoonLimit } from "../deadlines/clock";
import { pauseSchema } from "./schemas";

describe("the clock of a request", () => {
  let clerk: Awaited<ReturnType<typeof makeUser>>;
  let other: Awaited<ReturnType<typeof makeUser>>;
  let admin: Awaited<ReturnType<typeof makeUser>>;
  beforeEach(async () => {
    freshDatabase();
    createAgency(CLI_ACTOR, { code: "a", name: "甲机关" });
    createAgency(CLI_ACTOR, { code: "b", name: "乙机关" });
    clerk = await makeUser("clerk", "clerk", "a");
    other = await makeUser("other", "clerk", "b");
    admin = await makeUser("root", "admin", "a");
  });

  const version = (id: string) => getRequest(clerk, id).version;
  const register = (receivedDate: string, serial = "2024-0001") => createRequest(clerk, requestInput({ receivedDate, serial }), TODAY).id;

  test("a new request stores its due date; a pause across National Day moves it, with the explanation", () => {
    const id = register("2024-09-27");
    expect(getRequest(clerk, id)).toMatchObject({ dueDate: "2024-10-30", dueProvisional: false, clockStopped: false });

    addPause(clerk, id, pauseSchema.parse({ version: version(id), pauseKind: "third_party", pauseFrom: "2024-09-27", pauseNote: "某公司" }), TODAY);
    // An open pause stands the clock: nothing stored, the page says what it would be if resumed today.
    expect(getRequest(clerk, id)).toMatchObject({ dueDate: null, clockStopped: true });
    expect(getRequestClock(clerk, getRequest(clerk, id), "2024-10-10").clock).toMatchObject({ state: "paused", due: { date: "2024-11-06" } });

    const pauseId = getRequestClock(clerk, getRequest(clerk, id), TODAY).pauses[0].id;
    endPause(clerk, id, { version: version(id), pauseId, pauseEnd: "2024-10-10" }, TODAY);
    expect(getRequest(clerk, id)).toMatchObject({ dueDate: "2024-11-06", clockStopped: false });
    const { clock } = getRequestClock(clerk, getRequest(clerk, id), "2024-10-11");
    expect(clock.state).toBe("running");
    expect(clock.due?.steps.map((s) => s.note).join("\n")).toContain("不计入 5 个工作日");
    expect(listTimeline(clerk, id).map((e) => e.kind)).toEqual(["registered", "paused", "pause_ended"]);

    removePause(clerk, id, { version: version(id), pauseId, removeReason: "登记错了" });
    expect(getRequest(clerk, id).dueDate).toBe("2024-10-30");
    const kept = getSqlite().prepare("SELECT deleted_at FROM request_pauses WHERE id = ?").get(pauseId) as { deleted_at: string | null };
    expect(kept.deleted_at).not.toBeNull();
    const audited = getSqlite().prepare("SELECT action FROM audit_log WHERE object_id = ? ORDER BY id").all(pauseId) as { action: string }[];
    expect(audited.map((a) => a.action)).toEqual(["pause.create", "pause.update", "pause.delete"]);
  });

  test("bad pauses are refused by field; a stale version is refused; nothing half-written", () => {
    const id = register("2024-09-27");
    const v = version(id);
    expect(() => addPause(clerk, id, pauseSchema.parse({ version: v, pauseKind: "fee", pauseFrom: "2024-09-01" }), TODAY)).toThrow(/不能早于收到申请之日/);
    expect(() => addPause(clerk, id, pauseSchema.parse({ version: v, pauseKind: "fee", pauseFrom: "2024-10-08", pauseTo: "2024-10-01" }), TODAY)).toThrow(/不能早于开始日期/);
    expect(() => addPause(clerk, id, pauseSchema.parse({ version: v + 1, pauseKind: "fee", pauseFrom: "2024-10-08" }), TODAY)).toThrow(/已被他人修改/);
    expect(getRequestClock(clerk, getRequest(clerk, id), TODAY).pauses).toEqual([]);
    expect(version(id)).toBe(v);
    expect(() => addPause(other, id, pauseSchema.parse({ version: v, pauseKind: "fee", pauseFrom: "2024-10-08" }), TODAY)).toThrow(/不存在或无权查看/);
    expect(() => getRequestClock(other, getRequest(clerk, id), TODAY)).toThrow(/不存在或无权查看/);
  });

  test("补正 is asked once; the clock waits, then restarts from the supplemented application", () => {
    const id = register("2024-01-02");
    recordSupplementNotice(clerk, id, { version: version(id), supplementNoticeDate: "2024-01-05", supplementDeadline: "2024-01-20" }, TODAY);
    expect(getRequest(clerk, id)).toMatchObject({ dueDate: null, clockStopped: true });
    expect(getRequestClock(clerk, getRequest(clerk, id), TODAY).clock.state).toBe("awaiting_supplement");
    expect(() => recordSupplementNotice(clerk, id, { version: version(id), supplementNoticeDate: "2024-01-08", supplementDeadline: "2024-01-20" }, TODAY)).toThrow(/一次性告知/);
    recordSupplemented(clerk, id, { version: version(id), supplementedDate: "2024-09-27" }, TODAY);
    expect(getRequest(clerk, id)).toMatchObject({ dueDate: "2024-10-30", clockStopped: false });
  });

  test("an extension must be approved before the unextended due date; Art 35 sets a later date", () => {
    const id = register("2024-09-27");
    const late = { version: version(id), extensionDays: 20, extensionApprovedBy: "王主任", extensionApprovedDate: "2024-10-31", extensionNoticeDate: "2024-10-31" };
    // Recorded as a fact only by someone who may approve extensions; a clerk asks for one (lib/work).
    expect(() => recordExtension(clerk, id, { ...late, extensionApprovedDate: "2024-10-28", extensionNoticeDate: "2024-10-29" }, TODAY)).toThrow(/审核负责人/);
    expect(() => recordExtension(supervisorOf(), id, late, TODAY)).toThrow(/届满前批准/);
    recordExtension(supervisorOf(), id, { ...late, extensionApprovedDate: "2024-10-28", extensionNoticeDate: "2024-10-29" }, TODAY);
    expect(getRequest(clerk, id)).toMatchObject({ dueDate: "2024-11-27", extensionDays: 20, extensionApprovedBy: "王主任" });
    expect(() => recordDelay(supervisorOf(), id, { version: version(id), delayedReplyDate: "2024-11-20", delayedNoticeDate: "2024-10-29" }, TODAY)).toThrow(/应晚于现行答复期限（2024-11-27）/);
    recordDelay(supervisorOf(), id, { version: version(id), delayedReplyDate: "2024-12-31", delayedNoticeDate: "2024-10-29" }, TODAY);
    expect(getRequest(clerk, id).dueDate).toBe("2024-12-31");
  });

  test("concluding clears the stored due date; the delivery day decides on time or late", () => {
    const id = register("2024-09-27");
    expect(() => recordDelivery(clerk, id, { version: version(id), replyDelivery: "post", replyDeliveredDate: "2024-10-30" }, TODAY)).toThrow(/尚未办结/);
    concludeRequest(supervisorOf(), id, concludeSchema.parse({ version: String(version(id)), outcome: "disclose", concludedDate: "2024-10-29" }), TODAY);
    expect(getRequest(clerk, id)).toMatchObject({ dueDate: null, clockStopped: false });
    recordDelivery(clerk, id, { version: version(id), replyDelivery: "post", replyDeliveredDate: "2024-10-30" }, TODAY);
    expect(getRequestClock(clerk, getRequest(clerk, id), TODAY).clock.delivery).toMatchObject({ onTime: true });
    recordDelivery(clerk, id, { version: version(id), replyDelivery: "direct", replyDeliveredDate: "2024-10-31" }, TODAY);
    expect(getRequestClock(clerk, getRequest(clerk, id), TODAY).clock.delivery).toMatchObject({ onTime: false });
  });

  function supervisorOf() {
    return { ...clerk, role: "supervisor" as const };
  }

  test("the register: due-date column, sort by due date, overdue and due-soon filters (against today in Beijing)", () => {
    const today = TODAY;
    const calendar = currentCalendar();
    const limit2 = dueSoonLimit(calendar, today, 2);
    const limit5 = dueSoonLimit(calendar, today, 5);
    // Receipt dates chosen from the real calendar so that the due dates fall where each filter looks.
    const receivedFor = (test: (due: string) => boolean) => {
      for (let d = addDays(today, -60); d <= today; d = addDays(d, 1)) if (test(replyDue(calendar, { received: d }).date)) return d;
      throw new Error("no receipt date found");
    };
    register(receivedFor((due) => due >= today && due <= limit2), "S-2");
    register(receivedFor((due) => due > limit2 && due <= limit5), "S-5");
    register(receivedFor((due) => due < today), "S-late");
    const paused = register(receivedFor((due) => due > limit5), "S-paused");
    addPause(clerk, paused, pauseSchema.parse({ version: version(paused), pauseKind: "other_agency", pauseFrom: getRequest(clerk, paused).receivedDate }), TODAY);
    const serials = (f: Parameters<typeof listRequests>[1]) => listRequests(clerk, f, TODAY).rows.map((r) => r.serial);
    expect(serials({ sort: "due_asc" })).toEqual(["S-late", "S-2", "S-5", "S-paused"]);
    expect(serials({ due: "overdue" })).toEqual(["S-late"]);
    expect(serials({ due: "2" })).toEqual(["S-2"]);
    expect(serials({ due: "5", sort: "due_asc" })).toEqual(["S-2", "S-5"]);
    expect(serials({ due: "stopped" })).toEqual(["S-paused"]);
    const rows = listRequests(clerk, { sort: "due_asc" }, TODAY).rows;
    expect(rows[0].left).toBeLessThan(0);
    expect(rows[1].left).toBeGreaterThanOrEqual(0);
    expect(rows[1].left).toBeLessThanOrEqual(2);
    expect(rows[3]).toMatchObject({ dueDate: null, clockStopped: true, left: null });
    expect(listRequests(other, { due: "overdue" }, TODAY).rows).toEqual([]);
    expect(dueCounts(clerk, TODAY)).toEqual({ overdue: 1, "2": 1, "5": 2, stopped: 1 });
    expect(dueCounts(other, TODAY)).toEqual({ overdue: 0, "2": 0, "5": 0, stopped: 0 });
  });

  test("sorted by due date, the pages run through the running clocks, then the rest, each request once", () => {
    for (let i = 0; i < 60; i++) register(addDays(TODAY, -(i % 25)), `D-${String(i).padStart(2, "0")}`);
    for (let i = 0; i < 30; i++) {
      const id = register(addDays(TODAY, -i), `P-${String(i).padStart(2, "0")}`);
      addPause(clerk, id, pauseSchema.parse({ version: version(id), pauseKind: "other_agency", pauseFrom: getRequest(clerk, id).receivedDate }), TODAY);
    }
    const page = (n: number) => listRequests(clerk, { sort: "due_asc", page: n }, TODAY);
    const [one, two, three] = [page(1), page(2), page(3)];
    expect(one.rows.map((r) => r.serial.slice(0, 1))).toEqual(Array(50).fill("D"));
    // Page 2: the last 10 running clocks, then the stopped ones (newest first).
    expect(two.rows.map((r) => r.serial.slice(0, 1))).toEqual([...Array(10).fill("D"), ...Array(30).fill("P")]);
    expect(two.rows.slice(10).map((r) => r.serial)).toEqual(Array.from({ length: 30 }, (_, i) => `P-${String(i).padStart(2, "0")}`));
    expect(three.rows).toEqual([]);
    const all = [...one.rows, ...two.rows].map((r) => r.serial);
    expect(new Set(all).size).toBe(90);
    const dues = [...one.rows, ...two.rows.slice(0, 10)].map((r) => r.dueDate as string);
    expect(dues).toEqual([...dues].sort());
    expect(one.total).toBe(90);
  });

  test("entering next year's notice recomputes open requests and lists those that moved", () => {
    // Today injected in 2030, so that the test does not depend on which real years have notices.
    // An extension carries this one into January 2031, a year with no notice: provisional.
    const today = "2030-11-25";
    const notice2030 = noticeDays(2030, { newyear: { from: "2030-01-01", to: "2030-01-01" }, spring: {}, qingming: {}, labour: {}, dragon: {}, midautumn: {}, national: {} } as never);
    if (!("days" in notice2030)) throw new Error(JSON.stringify(notice2030.errors));
    saveCalendarYear(admin, { year: 2030, source: "本测试的2030年安排", days: notice2030.days });
    const id = createRequest(clerk, requestInput({ receivedDate: "2030-11-20", serial: "B-1" }), today).id;
    recordExtension(supervisorOf(), id, { version: version(id), extensionDays: 20, extensionApprovedBy: "王主任", extensionApprovedDate: "2030-11-20", extensionNoticeDate: "2030-11-20" }, today);
    const concluded = createRequest(clerk, requestInput({ receivedDate: "2030-11-20", serial: "B-2" }), today).id;
    concludeRequest(supervisorOf(), concluded, concludeSchema.parse({ version: "1", outcome: "disclose", concludedDate: "2030-11-24" }), today);
    const before = getRequest(clerk, id);
    expect(before.dueDate?.startsWith("2031-01")).toBe(true);
    expect(before.dueProvisional).toBe(true);
    // A notice that makes 2 and 3 January 2031 holidays too (the shape of a real notice; the dates are this test's own).
    const parsed = noticeDays(2031, { newyear: { from: "2031-01-01", to: "2031-01-03", makeup: "2031-01-05" }, spring: {}, qingming: {}, labour: {}, dragon: {}, midautumn: {}, national: {} } as never);
    if (!("days" in parsed)) throw new Error(JSON.stringify(parsed.errors));
    expect(() => saveCalendarYear(clerk, { year: 2031, source: "通知", days: parsed.days })).toThrow(/无权/);
    expect(() => saveCalendarYear(admin, { year: 2031, source: "  ", days: parsed.days })).toThrow(/请填写通知名称/);
    const { moved } = saveCalendarYear(admin, { year: 2031, source: "国务院办公厅关于2031年部分节假日安排的通知", days: parsed.days });
    const after = getRequest(clerk, id);
    expect(after.dueProvisional).toBe(false);
    expect(moved).toEqual([{ requestId: id, agencyId: before.agencyId, serial: "B-1", before: before.dueDate, after: after.dueDate }]);
    expect(calendarYearView(admin, 2031).lastChange?.moved.map((m) => m.serial)).toEqual(["B-1"]);
    const audit = getSqlite().prepare("SELECT action FROM audit_log WHERE object_type = 'calendar'").all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(["calendar.create", "calendar.create"]);
  });
});

describe("the notice form", () => {
  const empty = { newyear: {}, spring: {}, qingming: {}, labour: {}, dragon: {}, midautumn: {}, national: {} };
  test("names the holiday and the field of each mistake", () => {
    expect(noticeDays(2027, empty)).toEqual({ errors: { _form: "请至少填写一个节日的放假安排" } });
    const bad = noticeDays(2027, { ...empty, spring: { from: "2027-02-05", to: "2027-02-01" }, national: { from: "2027-10-01", to: "2027-10-07", makeup: "2027-10-11" } });
    expect(bad).toEqual({ errors: { springTo: "春节：放假结束日期早于开始日期", nationalMakeup: "国庆节：调休上班日 2027-10-11 不是星期六或星期日（工作日本来就上班）" } });
    expect(noticeDays(2027, { ...empty, qingming: { from: "2027-13-01" } })).toMatchObject({ errors: { qingmingFrom: expect.stringContaining("清明节") } });
  });
});
