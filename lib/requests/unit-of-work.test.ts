import { beforeEach, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { getSqlite } from "../../db";
import { requestPauses } from "../../db/schema";
import { saveAppeal } from "../appeals/mutations";
import { appealSchema } from "../appeals/schemas";
import { currentCalendar } from "../calendar/queries";
import { addPause, endPause, recordSupplemented, recordSupplementNotice } from "../clock/mutations";
import { getRequestClock } from "../clock/queries";
import { pauseSchema } from "../clock/schemas";
import { replyDue } from "../deadlines/workdays";
import { importRequestLedger } from "../ledger/requests";
import { freshDatabase, makeAgencyTree, makeUser, requestInput, TODAY } from "../testing/db";
import { concludeRequest, createRequest, updateRequest } from "./mutations";
import { getRequest, listRequests, listTimeline, statusCounts } from "./queries";
import { concludeSchema, updateRequestSchema } from "./schemas";
import { changeRequest } from "./unit-of-work";

type User = Awaited<ReturnType<typeof makeUser>>;
const count = (sql: string, ...args: unknown[]) => (getSqlite().prepare(sql).get(...args) as { n: number }).n;

describe("the unit of work", () => {
  let clerk: User;
  let auditor: User;
  let countySupervisor: User;
  beforeEach(async () => {
    freshDatabase();
    makeAgencyTree();
    clerk = await makeUser("clerk", "clerk", "edu");
    auditor = await makeUser("auditor", "auditor", "edu");
    countySupervisor = await makeUser("county-sup", "supervisor", "county");
  });

  const register = (receivedDate: string, serial = "2024-0001") => createRequest(clerk, requestInput({ receivedDate, serial }), TODAY).id;
  const version = (id: string) => getRequest(clerk, id).version;
  const pause = (id: string, fields: Record<string, string>, today = TODAY) => addPause(clerk, id, pauseSchema.parse({ version: version(id), ...fields }), today);

  test("the pause before a 补正 restart adds nothing: received 3-1, paused 3-4 to 3-15, supplemented 4-1 → due 2024-04-29, through the page's path", () => {
    const id = register("2024-03-01");
    pause(id, { pauseKind: "third_party", pauseFrom: "2024-03-04", pauseTo: "2024-03-15" });
    recordSupplementNotice(clerk, id, { version: version(id), supplementNoticeDate: "2024-03-05", supplementDeadline: "2024-03-20" }, TODAY);
    expect(getRequest(clerk, id)).toMatchObject({ status: "awaiting_supplement", dueDate: null, clockStopped: true });
    recordSupplemented(clerk, id, { version: version(id), supplementedDate: "2024-04-01" }, TODAY);
    expect(getRequest(clerk, id)).toMatchObject({ status: "in_progress", dueDate: "2024-04-29", clockStopped: false });
    expect(getRequestClock(clerk, getRequest(clerk, id), TODAY).clock.due?.date).toBe("2024-04-29");
  });

  test("every change: one transaction raising the version, one typed event, one audit row; a refused change leaves nothing", () => {
    const id = register("2024-03-01");
    const events = () => count("SELECT count(*) AS n FROM request_events WHERE request_id = ?", id);
    const audits = () => count("SELECT count(*) AS n FROM audit_log WHERE object_type = 'request' AND object_id = ?", id);
    expect([version(id), events(), audits()]).toEqual([1, 1, 1]);
    pause(id, { pauseKind: "other_agency", pauseFrom: "2024-03-04" });
    expect([version(id), events(), audits()]).toEqual([2, 2, 2]);
    // A change whose body fails after writing: the pause row, event, audit and version are all rolled back.
    expect(() =>
      changeRequest(clerk, id, version(id), ({ tx }) => {
        tx.update(requestPauses).set({ note: "half" }).where(eq(requestPauses.requestId, id)).run();
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect([version(id), events(), audits()]).toEqual([2, 2, 2]);
    expect(count("SELECT count(*) AS n FROM request_pauses WHERE note = 'half'")).toBe(0);
    expect(() => changeRequest(clerk, id, 1, () => ({ event: { kind: "updated", summary: "x" }, action: "request.update" }))).toThrow(/已被他人修改/);
  });

  test("the status follows the facts, and the register's status filter and the counts read it", () => {
    const noticed = register("2024-03-01", "A");
    recordSupplementNotice(clerk, noticed, { version: version(noticed), supplementNoticeDate: "2024-03-05", supplementDeadline: "2024-03-20" }, TODAY);
    const consulting = register("2024-03-01", "B");
    pause(consulting, { pauseKind: "third_party", pauseFrom: "2024-03-04" });
    const fee = register("2024-03-01", "C");
    pause(fee, { pauseKind: "fee", pauseFrom: "2024-03-04" });
    const fresh = register("2024-03-01", "D");
    const serials = (status: string) => listRequests(clerk, { status: status as never }, TODAY).rows.map((r) => r.serial);
    expect(serials("awaiting_supplement")).toEqual(["A"]);
    expect(serials("consulting")).toEqual(["B"]);
    expect(serials("awaiting_fee")).toEqual(["C"]);
    expect(serials("registered")).toEqual(["D"]);
    expect(statusCounts(clerk)).toMatchObject({ registered: 1, awaiting_supplement: 1, consulting: 1, awaiting_fee: 1, in_progress: 0 });
    const pauseId = getRequestClock(clerk, getRequest(clerk, consulting), TODAY).pauses[0].id;
    endPause(clerk, consulting, { version: version(consulting), pauseId, pauseEnd: "2024-03-11" }, TODAY);
    expect(getRequest(clerk, consulting).status).toBe("in_progress");
    // Editing the registration is not a step of handling: still 登记.
    const edit = updateRequestSchema.parse({ ...requestInput({ receivedDate: "2024-03-01", serial: "D" }), notes: "补记", version: String(version(fresh)) });
    updateRequest(clerk, fresh, edit, TODAY);
    expect(getRequest(clerk, fresh).status).toBe("registered");
    concludeRequest({ ...clerk, role: "supervisor" }, fresh, concludeSchema.parse({ version: String(version(fresh)), outcome: "disclose", concludedDate: "2024-03-20" }), TODAY);
    expect(getRequest(clerk, fresh).status).toBe("concluded");
  });

  test("a pause cannot begin after the due date in force, nor while 补正 is awaited (refused under its field)", () => {
    const id = register("2024-03-01"); // due 2024-03-29
    expect(() => pause(id, { pauseKind: "third_party", pauseFrom: "2024-04-01" })).toThrow(expect.objectContaining({ field: "pauseFrom", message: expect.stringContaining("晚于现行答复期限（2024-03-29）") }));
    pause(id, { pauseKind: "third_party", pauseFrom: "2024-03-29", pauseTo: "2024-04-03" }); // on the due date: allowed
    expect(getRequest(clerk, id).dueDate).toBe("2024-04-03");
    const noticed = register("2024-03-01", "B");
    recordSupplementNotice(clerk, noticed, { version: version(noticed), supplementNoticeDate: "2024-03-05", supplementDeadline: "2024-03-20" }, TODAY);
    expect(() => pause(noticed, { pauseKind: "fee", pauseFrom: "2024-03-06" })).toThrow(expect.objectContaining({ field: "pauseFrom", message: expect.stringContaining("等待补正") }));
  });

  test("one open pause of a kind at a time; the permission check comes first", () => {
    const id = register("2024-03-01");
    pause(id, { pauseKind: "third_party", pauseFrom: "2024-03-04" });
    expect(() => pause(id, { pauseKind: "third_party", pauseFrom: "2024-03-06" })).toThrow(expect.objectContaining({ field: "pauseKind" }));
    pause(id, { pauseKind: "fee", pauseFrom: "2024-03-06" });
    // An auditor of the same agency reads the request; the clock mutation refuses it for its permission.
    expect(() => addPause(auditor, id, pauseSchema.parse({ version: version(id), pauseKind: "other_agency", pauseFrom: "2024-03-07" }), TODAY)).toThrow(/无权登记办理期限事项/);
  });

  test("a third-party consultation open after 15 working days from the letter's receipt is flagged (Art 32)", () => {
    const id = register("2024-03-01");
    pause(id, { pauseKind: "third_party", pauseFrom: "2024-03-04", letterReceivedDate: "2024-03-06" });
    const flagged = (today: string) => getRequestClock(clerk, getRequest(clerk, id), today).clock.consultationsOverdue;
    expect(flagged("2024-03-27")).toEqual([]); // the 15th working day after 3-6
    expect(flagged("2024-03-28")).toMatchObject([{ since: "2024-03-06", ended: "2024-03-27" }]);
    expect(flagged("2024-03-28")[0].note).toContain("第三十二条");
  });

  test("receipt after conclusion is refused on edit", () => {
    const id = register("2024-03-01");
    concludeRequest({ ...clerk, role: "supervisor" }, id, concludeSchema.parse({ version: "1", outcome: "disclose", concludedDate: "2024-03-20" }), TODAY);
    const edit = updateRequestSchema.parse({ ...requestInput({ receivedDate: "2024-03-25", serial: "2024-0001" }), version: String(version(id)) });
    expect(() => updateRequest(clerk, id, edit, TODAY)).toThrow(expect.objectContaining({ field: "receivedDate", message: expect.stringContaining("不能晚于办结日期 2024-03-20") }));
  });

  test("write scope: a parent agency's supervisor reads a department's request but cannot change it or its appeals", () => {
    const id = register("2024-03-01");
    expect(getRequest(countySupervisor, id).serial).toBe("2024-0001");
    const edit = updateRequestSchema.parse({ ...requestInput({ receivedDate: "2024-03-01", serial: "2024-0001" }), notes: "上级改的", version: "1" });
    expect(() => updateRequest(countySupervisor, id, edit, TODAY)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => addPause(countySupervisor, id, pauseSchema.parse({ version: "1", pauseKind: "fee", pauseFrom: "2024-03-04" }), TODAY)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    const appeal = appealSchema.parse({ caseNumber: "某复〔2024〕1号", kind: "review", afterReview: "false", filedDate: "2024-05-06", result: "pending" });
    expect(() => saveAppeal(countySupervisor, id, appeal)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(count("SELECT count(*) AS n FROM appeals")).toBe(0);
    expect(getRequest(clerk, id)).toMatchObject({ version: 1, notes: null });
    // The department's own clerk records the appeal: its effect on the request is one change.
    saveAppeal(clerk, id, appeal);
    expect(getRequest(clerk, id).version).toBe(2);
    expect(listTimeline(clerk, id).map((e) => e.kind)).toEqual(["registered", "appeal"]);
  });

  test("an imported open request gets its status and due date through the same path as a registered one", async () => {
    const supervisor = await makeUser("sup", "supervisor", "edu");
    const csv = ["serial,received_date,applicant_type,applicant_name,content,extension_days", "I-1,2024-09-27,natural,甲,x,10", "I-2,2024-09-27,natural,乙,x,"].join("\n");
    const summary = await importRequestLedger(supervisor, { agencyCode: "edu", bytes: Buffer.from(csv), filename: "x.csv", today: TODAY });
    expect(summary.errors).toEqual([]);
    const rows = listRequests(clerk, { sort: "serial_asc" }, TODAY).rows;
    const calendar = currentCalendar();
    expect(rows.map((r) => [r.serial, r.status, r.dueDate])).toEqual([
      ["I-1", "in_progress", replyDue(calendar, { received: "2024-09-27", extension: 10 }).date],
      ["I-2", "in_progress", replyDue(calendar, { received: "2024-09-27" }).date],
    ]);
    const registered = register("2024-09-27", "R-1");
    expect(getRequest(clerk, registered).dueDate).toBe(rows[1].dueDate);
    // The import is one audit row, and each imported request's first event names it.
    const audit = getSqlite().prepare("SELECT object_id AS id, json_extract(changes, '$.detail') AS detail FROM audit_log WHERE action = 'ledger.import'").all() as { id: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail)).toMatchObject({ file: "x.csv", inserted: 2, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    for (const row of rows.filter((r) => r.serial.startsWith("I-"))) {
      const [event] = listTimeline(clerk, row.id);
      expect(event.kind).toBe("imported");
    }
    const events = getSqlite().prepare("SELECT data FROM request_events WHERE kind = 'imported'").all() as { data: string }[];
    expect(events.map((e) => JSON.parse(e.data).import)).toEqual([audit[0].id, audit[0].id]);
  });
});
